import { Lock, Process, Value } from 'multiprocessing';

// 找出竞争:两个账户之间来回转账,钱只是换个地方,总额应该一直是 200。
// 有一条路径忘了加锁。打开"检测竞争"运行,报告会指出是哪一行。
// Find the race: money only moves between two accounts, so the total should stay 200.
// One path forgets the lock: run with race detection on and the report names the line.
const TIMES = 5000;

function withdraw(lock: Lock, account: Value, amount: number) {
  lock.acquire();
  account.value -= amount;
  lock.release();
}

function deposit(account: Value, amount: number) {
  account.value += amount; // 这里忘了加锁 / the lock is forgotten here
}

function transfer(lock: Lock, source: Value, target: Value) {
  for (let i = 0; i < TIMES; i++) {
    withdraw(lock, source, 1);
    deposit(target, 1);
  }
}

if (__name__ === '__main__') {
  const lock = new Lock();
  const alice = new Value('i', 100);
  const bob = new Value('i', 100);
  // 两个进程从 alice 转给 bob,两个从 bob 转给 alice:最后两人应该各有 100。
  // Two processes pay alice -> bob and two bob -> alice: each should end with 100 again.
  const processes = [
    new Process({ target: transfer, args: [lock, alice, bob] }),
    new Process({ target: transfer, args: [lock, bob, alice] }),
    new Process({ target: transfer, args: [lock, alice, bob] }),
    new Process({ target: transfer, args: [lock, bob, alice] }),
  ];
  processes.forEach((p) => p.start());
  processes.forEach((p) => p.join());
  const total = alice.value + bob.value;
  print(`alice ${alice.value}, bob ${bob.value}, total ${total}`);
  print(total === 200 ? 'the total held (this time)' : 'money appeared or vanished!');
}
