import type { Lesson } from '../lesson';
import p01 from '../programs/p01.ts?raw';

export const processes: Lesson[] = [
  {
    id: 'p01',
    group: 'processes',
    title: { zh: '启动一个子进程', en: 'Start a child process' },
    explain: {
      zh: '主进程启动子进程后睡 1 秒。子进程的两行先打印,约 1 秒后主进程才打印自己的那一行。',
      en: "The main process starts a child, then sleeps 1 s. The child's two lines come first; main's line follows about 1 s after the start.",
    },
    source: p01,
  },
];
