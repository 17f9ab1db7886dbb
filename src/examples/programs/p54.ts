import { ThreadPoolExecutor, wait, asCompleted, ALL_COMPLETED } from 'concurrent.futures';
import { sleep, time } from 'time';

const ll: string[] = [];

function sayhello(a: string) {
  print('hello: ' + a);
  ll.push(a); // 这是运行它的那个线程(Worker)自己的 ll,主线程看不到
  sleep(0.8);
  return a; // 所以把 a 交回给主线程(文章的 sayhello 不返回任何东西)
}

function main3() {
  const seed = ['a', 'b', 'c', 'e', 'f', 'g', 'h'];
  {
    // with ThreadPoolExecutor(max_workers=2) as executor:
    using executor = new ThreadPoolExecutor(2);
    const fList = [];
    for (const each of seed) {
      const future = executor.submit(sayhello, each);
      fList.push(future);
    }
    wait(fList, { returnWhen: ALL_COMPLETED });
    // 主线程的 ll 仍是空的(线程是 Web Worker,不共享全局变量),用 future.result() 收回结果;
    // 删掉这个循环,print(ll) 打印 []。
    // Main's ll is still empty (threads are Web Workers): collect the results instead.
    for (const future of fList) {
      ll.push(future.result());
    }
    print(ll);
    print('主线程结束');
  }
}

if (__name__ === '__main__') {
  main3();
}
