import * as multiprocessing from 'multiprocessing';

function worker(num: number) {
  /** thread worker function */
  print('Worker:', num);
  // 文章另给的一行 multiprocessing.current_process().name,这里打印出来
  print('当前进程名:', multiprocessing.currentProcess().name);
  return;
}

if (__name__ === '__main__') {
  print('当前进程名:', multiprocessing.currentProcess().name);
  const jobs: multiprocessing.Process[] = [];
  for (let i = 0; i < 5; i++) {
    const p = new multiprocessing.Process({ target: worker, args: [i] });
    jobs.push(p);
    p.start();
  }
}
