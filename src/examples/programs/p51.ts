// threadpool 是个比较老的第三方库,浏览器里没有;这里用标准库 concurrent.futures 的
// ThreadPoolExecutor(5) 代替它,一一对应:
//   threadpool.ThreadPool(5)     -> new ThreadPoolExecutor(5)
//   makeRequests + putRequest    -> submit
//   task_pool.wait()             -> wait(requests)
// The threadpool library does not exist here: ThreadPoolExecutor(5) stands in for it.
import { ThreadPoolExecutor, wait, type Future } from 'concurrent.futures';
import { sleep, time } from 'time';

function sayhello(a: string) {
  print('hello: ' + a);
  sleep(2);
}

function main() {
  // (文章的 global result 没有用到,省略)
  const seed = ['a', 'b', 'c'];
  const start = time();
  const taskPool = new ThreadPoolExecutor(5); // threadpool.ThreadPool(5)
  const requests: Future<void>[] = []; // threadpool.makeRequests(sayhello, seed)
  for (const req of seed) {
    requests.push(taskPool.submit(sayhello, req)); // task_pool.putRequest(req)
  }
  wait(requests); // task_pool.wait()
  const end = time();
  const timeM = end - start;
  print('time: ' + String(timeM));
  const start1 = time();
  for (const each of seed) {
    sayhello(each);
  }
  const end1 = time();
  print('time1: ' + String(end1 - start1));
}

if (__name__ === '__main__') {
  main(); // 文章最后一行被截断成了 "main(",这里补全
}
