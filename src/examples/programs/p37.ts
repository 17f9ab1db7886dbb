import { Thread, currentThread } from 'threading';
import { sleep } from 'time';

// 新线程执行的代码:
function loop() {
  print(`thread ${currentThread().name} is running...`);
  let n = 0;
  while (n < 5) {
    n = n + 1;
    print(`thread ${currentThread().name} >>> ${n}`);
    sleep(1);
  }
  print(`thread ${currentThread().name} ended.`);
}

print(`thread ${currentThread().name} is running...`);
const t = new Thread({ target: loop, name: 'LoopThread' });
t.start();
t.join();
print(`thread ${currentThread().name} ended.`);
