// 普通的读和写:读出计数器,加一,写回去。两步之间别的进程也可能写了,那一次就丢了。
// A plain read and write: load the counter, add one, store it back. Another process may
// store in between, and then one of the two updates is lost.
export function addPlain(counter: usize, times: i32): void {
  for (let i = 0; i < times; i++) {
    store<i32>(counter, load<i32>(counter) + 1);
  }
}

// 原子加:读、加、写是一条不可分的指令,别的进程插不进来。
// An atomic add: the read, the add and the write are one indivisible instruction.
export function addAtomic(counter: usize, times: i32): void {
  for (let i = 0; i < times; i++) {
    atomic.add<i32>(counter, 1);
  }
}
