import { getpid } from 'os';
import { sleep } from 'time';
import { Process } from 'multiprocessing';

class Myprocess extends Process {
  person: string;
  constructor(person: string) {
    super();
    this.person = person;
  }
  override run() {
    print(getpid(), this.name);
    print(`${this.person}正在和女主播聊天`);
  }
}

// 文章没有 __main__ 保护,这里补上
if (__name__ === '__main__') {
  const p = new Myprocess('哪吒');
  p.daemon = true; // 一定要在p.start()前设置,设置p为守护进程,禁止p创建子进程,并且父进程代码执行结束,p即终止运行
  p.start();
  sleep(10); // 在sleep时查看进程id对应的进程ps -ef|grep id (这里没有 ps:看进程表)
  print('');
}
