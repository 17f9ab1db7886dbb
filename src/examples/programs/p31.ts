/*
过程: 1.查看余票, 2.有就买,无失败
os.getpid()获取当前进程id
文件 ticket.json 的内容为: {"count":1}  注意一定要用双引号,不然json无法识别
*/
import { Process, Lock } from 'multiprocessing';
import { readFileSync, writeFileSync } from 'fs';
import { randint } from 'random';
import { sleep } from 'time';
import { getpid } from 'os';

function checkTicket() {
  const data = JSON.parse(readFileSync('ticket.json', 'utf8'));
  sleep(randint(0, 3));
  print(`${getpid()}正在查票,票还有${data['count']}`);
}

function buyTicket() {
  const data = JSON.parse(readFileSync('ticket.json', 'utf8'));
  if (data['count'] > 0) {
    data['count'] -= 1;
    // 模拟延迟
    sleep(randint(0, 3));
    writeFileSync('ticket.json', JSON.stringify(data));
    print(`${getpid()}恭喜你抢票成功`);
  } else {
    print(`${getpid()}抢票失败,开个加速包试一试`);
  }
}

function task(lock: Lock) {
  checkTicket();
  lock.acquire();
  buyTicket();
  lock.release();
}

if (__name__ === '__main__') {
  writeFileSync('ticket.json', '{"count":1}'); // the article's file, made here
  const lock = new Lock();
  // 三个人抢票
  for (let i = 0; i < 10; i++) {
    const p = new Process({ target: task, args: [lock] });
    p.start();
  }
}
