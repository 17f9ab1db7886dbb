import { readFileSync, writeFileSync } from 'fs';
import { sleep } from 'time';
import { Lock } from 'multiprocessing';
import { Process } from 'multiprocessing';

function showTicket(i: number) {
  const dic = JSON.parse(readFileSync('file', 'utf8'));
  print(`余票还剩${dic['ticket']}`);
}

function buyTicket(i: number, lock: Lock) {
  lock.acquire(); // 拿钥匙进门.
  const dic = JSON.parse(readFileSync('file', 'utf8'));
  sleep(0.1);
  if (dic['ticket'] > 0) {
    dic['ticket'] -= 1;
    print(`${i}买到票了`);
  } else print(`${i}没有买到票`);
  sleep(0.1);
  writeFileSync('file', JSON.stringify(dic));
  lock.release();
}

if (__name__ === '__main__') {
  // The article never shows the file: here it starts with one ticket left.
  writeFileSync('file', JSON.stringify({ ticket: 1 }));
  for (let i = 0; i < 10; i++) {
    const p = new Process({ target: showTicket, args: [i] });
    p.start();
  }
  const lock = new Lock();
  for (let i = 0; i < 10; i++) {
    const p = new Process({ target: buyTicket, args: [i, lock] });
    p.start();
  }
}
