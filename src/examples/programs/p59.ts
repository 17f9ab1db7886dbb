// p27 without the lock: every buyer reads the file, waits 0.1 s, then writes it back.
import { readFileSync, writeFileSync } from 'fs';
import { sleep } from 'time';
import { Process } from 'multiprocessing';

function buyTicket(i: number) {
  const dic = JSON.parse(readFileSync('file', 'utf8'));
  sleep(0.1); // 网络延迟: meanwhile the others read the same count
  if (dic['ticket'] > 0) {
    dic['ticket'] -= 1;
    print(`${i}买到票了`);
  } else print(`${i}没有买到票`);
  sleep(0.1);
  writeFileSync('file', JSON.stringify(dic));
}

if (__name__ === '__main__') {
  writeFileSync('file', JSON.stringify({ ticket: 1 }));
  const buyers: Process[] = [];
  for (let i = 0; i < 10; i++) {
    const p = new Process({ target: buyTicket, args: [i] });
    p.start();
    buyers.push(p);
  }
  buyers.forEach((p) => p.join());
  print('file:', readFileSync('file', 'utf8'));
}
