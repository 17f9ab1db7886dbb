//利用Event类模拟红绿灯
import { Thread, Event } from 'threading';
import { sleep } from 'time';

const event = new Event();

function lighter() {
  let count = 0;
  event.set(); //初始值为绿灯
  while (true) {
    if (5 < count && count <= 10) {
      event.clear(); // 红灯,清除标志位
      print('\x1b[41;1mred light is on...\x1b[0m');
    } else if (count > 10) {
      event.set(); // 绿灯,设置标志位
      count = 0;
    } else {
      print('\x1b[42;1mgreen light is on...\x1b[0m');
    }
    sleep(1);
    count += 1;
  }
}

function car(name: string) {
  while (true) {
    if (event.isSet()) {
      //判断是否设置了标志位
      print(`[${name}] running...`);
      sleep(1);
    } else {
      print(`[${name}] sees red light,waiting...`);
      event.wait();
      print(`[${name}] green light is on,start going...`);
    }
  }
}

const light = new Thread({ target: lighter });
light.start();

const carThread = new Thread({ target: car, args: ['MINI'] }); // 文章写 car = ...,会盖掉函数 car
carThread.start();
