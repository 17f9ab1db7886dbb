// 注意1: 不要对同一把锁执行多次 acquire,会锁死导致程序无法执行;一次 acquire 必须对应一次 release
import { Lock } from 'multiprocessing';

const l = new Lock();
l.acquire();
print('抢到了');
l.release(); // 删掉这一行再运行:第二次 acquire 永远等不到锁
l.acquire();
print('接着抢');
