# Martin Richards's benchmark, the simulation of an operating system's task scheduler that
# PyPy and V8 also measure: six tasks (an idle task, a worker, two handlers, two devices)
# passing packets through queues, each task's behaviour a method of its class (a virtual call
# per step), everything linked lists of objects. One iteration queues 23,246 packets and holds
# 9,297 times; the result is checked against those counts. Usage: richards.py [ITERATIONS]
# (default 100). The scheduler's globals of the original live in a Scheduler instance here.
import sys

I_IDLE = 1
I_WORK = 2
I_HANDLERA = 3
I_HANDLERB = 4
I_DEVA = 5
I_DEVB = 6

K_DEV = 1000
K_WORK = 1001

BUFSIZE = 4


class Packet(object):
    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.datum = 0
        self.data = [0] * BUFSIZE

    def append_to(self, lst):
        self.link = None
        if lst is None:
            return self
        p = lst
        while p.link is not None:
            p = p.link
        p.link = self
        return lst


class Scheduler(object):
    def __init__(self):
        self.task_tab = [None] * 7
        self.task_list = None
        self.hold_count = 0
        self.qpkt_count = 0

    def find(self, ident):
        t = self.task_tab[ident]
        assert t is not None
        return t

    def schedule(self):
        t = self.task_list
        while t is not None:
            if t.is_holding_or_waiting():
                t = t.link
            else:
                t = t.run_task()


class Task(object):
    def __init__(self, sched, ident, priority, queue, pending, waiting):
        self.sched = sched
        self.link = sched.task_list
        self.ident = ident
        self.priority = priority
        self.input = queue
        self.packet_pending = pending
        self.task_waiting = waiting
        self.task_holding = False
        sched.task_tab[ident] = self
        sched.task_list = self

    def is_holding_or_waiting(self):
        return self.task_holding or (not self.packet_pending and self.task_waiting)

    def run_task(self):
        msg = None
        if self.packet_pending and self.task_waiting and not self.task_holding:
            msg = self.input
            self.input = msg.link
            self.packet_pending = self.input is not None
            self.task_waiting = False
        return self.fn(msg)

    def fn(self, pkt):
        raise NotImplementedError

    def add_packet(self, pkt, old):
        if self.input is None:
            self.input = pkt
            self.packet_pending = True
            if self.priority > old.priority:
                return self
        else:
            pkt.append_to(self.input)
        return old

    def wait_task(self):
        self.task_waiting = True
        return self

    def hold(self):
        self.sched.hold_count += 1
        self.task_holding = True
        return self.link

    def release(self, ident):
        t = self.sched.find(ident)
        t.task_holding = False
        if t.priority > self.priority:
            return t
        return self

    def qpkt(self, pkt):
        t = self.sched.find(pkt.ident)
        self.sched.qpkt_count += 1
        pkt.link = None
        pkt.ident = self.ident
        return t.add_packet(pkt, self)


class IdleTask(Task):
    def __init__(self, sched, ident, priority, count):
        Task.__init__(self, sched, ident, priority, None, False, False)
        self.control = 1
        self.count = count

    def fn(self, pkt):
        self.count -= 1
        if self.count == 0:
            return self.hold()
        if self.control & 1 == 0:
            self.control = self.control // 2
            return self.release(I_DEVA)
        self.control = (self.control // 2) ^ 0xD008
        return self.release(I_DEVB)


class WorkTask(Task):
    def __init__(self, sched, ident, priority, queue):
        Task.__init__(self, sched, ident, priority, queue, True, True)
        self.destination = I_HANDLERA
        self.count = 0

    def fn(self, pkt):
        if pkt is None:
            return self.wait_task()
        if self.destination == I_HANDLERA:
            self.destination = I_HANDLERB
        else:
            self.destination = I_HANDLERA
        pkt.ident = self.destination
        pkt.datum = 0
        for i in range(BUFSIZE):
            self.count += 1
            if self.count > 26:
                self.count = 1
            pkt.data[i] = ord("A") + self.count - 1
        return self.qpkt(pkt)


class HandlerTask(Task):
    def __init__(self, sched, ident, priority, queue):
        Task.__init__(self, sched, ident, priority, queue, True, True)
        self.work_in = None
        self.device_in = None

    def fn(self, pkt):
        if pkt is not None:
            if pkt.kind == K_WORK:
                self.work_in = pkt.append_to(self.work_in)
            else:
                self.device_in = pkt.append_to(self.device_in)
        work = self.work_in
        if work is None:
            return self.wait_task()
        count = work.datum
        if count >= BUFSIZE:
            self.work_in = work.link
            return self.qpkt(work)
        dev = self.device_in
        if dev is None:
            return self.wait_task()
        self.device_in = dev.link
        dev.datum = work.data[count]
        work.datum = count + 1
        return self.qpkt(dev)


class DeviceTask(Task):
    def __init__(self, sched, ident, priority):
        Task.__init__(self, sched, ident, priority, None, False, True)
        self.pending = None

    def fn(self, pkt):
        if pkt is None:
            pkt = self.pending
            if pkt is None:
                return self.wait_task()
            self.pending = None
            return self.qpkt(pkt)
        self.pending = pkt
        return self.hold()


def run_once():
    sched = Scheduler()
    IdleTask(sched, I_IDLE, 1, 10000)
    wkq = Packet(None, 0, K_WORK)
    wkq = Packet(wkq, 0, K_WORK)
    WorkTask(sched, I_WORK, 1000, wkq)
    wkq = Packet(None, I_DEVA, K_DEV)
    wkq = Packet(wkq, I_DEVA, K_DEV)
    wkq = Packet(wkq, I_DEVA, K_DEV)
    HandlerTask(sched, I_HANDLERA, 2000, wkq)
    wkq = Packet(None, I_DEVB, K_DEV)
    wkq = Packet(wkq, I_DEVB, K_DEV)
    wkq = Packet(wkq, I_DEVB, K_DEV)
    HandlerTask(sched, I_HANDLERB, 3000, wkq)
    DeviceTask(sched, I_DEVA, 4000)
    DeviceTask(sched, I_DEVB, 5000)
    sched.schedule()
    return sched.qpkt_count, sched.hold_count


def entry_point(argv):
    iterations = 100
    if len(argv) > 1:
        iterations = int(argv[1])
    ok = 0
    for i in range(iterations):
        qpkt_count, hold_count = run_once()
        if qpkt_count == 23246 and hold_count == 9297:
            ok += 1
    print("richards: %d of %d iterations correct (23246 packets queued, 9297 holds each)" % (ok, iterations))
    return 0


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
