import { ThreadPoolExecutor, wait, asCompleted } from 'concurrent.futures';
import { sleep, time } from 'time';

const ll: string[] = [];

function sayhello(a: string) {
  print('hello: ' + a);
  ll.push(a); // 这是运行它的那个线程(Worker)自己的 ll,主线程看不到
  sleep(0.8);
  return a; // 所以把 a 交回给主线程(文章的 sayhello 不返回任何东西)
}

function main2() {
  const seed = ['a', 'b', 'c', 'e', 'f', 'g', 'h'];
  const executor = new ThreadPoolExecutor(10); // max_workers=10
  const fList = [];
  for (const each of seed) {
    const future = executor.submit(sayhello, each);
    fList.push(future);
  }
  wait(fList);
  // Python 的线程共用全局 ll,这里的线程是 Web Worker,各有各的全局变量:主线程的 ll
  // 仍是空的。用 future.result() 把结果收回来;删掉这个循环,print(ll) 打印 []。
  // Threads here are Web Workers with their own globals: main's ll is still empty, so the
  // results come back through future.result(). Delete this loop and print(ll) prints [].
  for (const future of fList) {
    ll.push(future.result());
  }
  print(ll);
  print('主线程结束');
}

if (__name__ === '__main__') {
  main2(); // 文章的入口调用的是 main3(见 p54);这一课运行 main2
}
