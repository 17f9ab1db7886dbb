import type { Lesson } from '../lesson';
import p56 from '../programs/p56.ts?raw';

export const network: Lesson[] = [
  {
    id: 'p56',
    group: 'network',
    title: { zh: '服务端多进程实现并发', en: 'A multi-process echo server' },
    explain: {
      zh: '服务端每接受一个连接就开一个进程(talk)专门和这个客户端收发;三个客户端同时被服务,各自收到自己消息的大写。客户端关闭连接后,它的 talk 进程读到空数据就结束。',
      en: 'The server starts one process (talk) per accepted connection, so the three clients are served at the same time, each getting its own messages back in upper case. When a client closes, its talk process reads empty data and ends.',
    },
    browserNote: {
      zh: '浏览器里不能开真正的网络端口:socket 模块是页面内的回环网络,连接是共享内存里的两条通道,照样可以交给子进程。文章的 client.py 是另一个读 input() 的程序,这里改成同一个程序里的几个客户端进程,发送固定的消息;服务端也不再无限循环,而是服务完这几个连接就退出。',
      en: "A page cannot open real network ports: the socket module is an in-page loopback network whose connections are two channels in shared memory, and they can still be handed to a child process. The article's client.py is a separate program reading input(); here a few client processes in the same program send fixed messages, and the server serves those connections instead of looping for ever.",
    },
    source: p56,
  },
];
