import { ThreadPoolExecutor, wait, asCompleted } from 'concurrent.futures';
import { sleep, time } from 'time';

const ll: string[] = [];

function sayhello(a: string) {
  print('hello: ' + a);
  ll.push(a); // 每个线程(Worker)有自己的 ll;这一课不打印它,见 p53
  sleep(0.8);
}

function main() {
  const seed = ['a', 'b', 'c', 'e', 'f', 'g', 'h'];
  const start1 = time();
  for (const each of seed) {
    sayhello(each);
  }
  const end1 = time();
  print('time1: ' + String(end1 - start1));
  const start2 = time();
  {
    // with ThreadPoolExecutor(2) as executor: 块结束时 shutdown(wait=True),等所有任务做完
    using executor = new ThreadPoolExecutor(2);
    for (const each of seed) {
      executor.submit(sayhello, each);
    }
  }
  const end2 = time();
  print('time2: ' + String(end2 - start2));
}

if (__name__ === '__main__') {
  main(); // 文章的入口调用的是 main3(见 p54);这一课运行 main
}
