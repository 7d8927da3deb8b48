/* richards.py in C: the same tasks, packets and scheduler; each task's behaviour is a function
 * pointer in its task block (the C form of the RPy program's method per class), the packets
 * and tasks are allocated afresh for every iteration and freed after it (the collector's job in
 * the RPy program). The same output. */
#include <stdio.h>
#include <stdlib.h>

enum { I_IDLE = 1, I_WORK, I_HANDLERA, I_HANDLERB, I_DEVA, I_DEVB };
enum { K_DEV = 1000, K_WORK = 1001 };
#define BUFSIZE 4

typedef struct Packet {
    struct Packet *link;
    long ident, kind, datum;
    long data[BUFSIZE];
} Packet;

typedef struct Scheduler Scheduler;

typedef struct Task {
    struct Task *(*fn)(struct Task *, Packet *);
    Scheduler *sched;
    struct Task *link;
    long ident, priority;
    Packet *input;
    int packet_pending, task_waiting, task_holding;
    /* the fields of the four kinds of task */
    long control, count, destination;
    Packet *work_in, *device_in, *pending;
} Task;

struct Scheduler {
    Task *task_tab[7];
    Task *task_list;
    long hold_count, qpkt_count;
};

static Packet *packet(Packet *link, long ident, long kind) {
    Packet *p = calloc(1, sizeof(Packet));
    p->link = link;
    p->ident = ident;
    p->kind = kind;
    return p;
}

static Packet *append_to(Packet *self, Packet *lst) {
    self->link = NULL;
    if (lst == NULL)
        return self;
    Packet *p = lst;
    while (p->link != NULL)
        p = p->link;
    p->link = self;
    return lst;
}

static Task *task(Scheduler *sched, Task *(*fn)(Task *, Packet *), long ident, long priority,
                  Packet *queue, int pending, int waiting) {
    Task *t = calloc(1, sizeof(Task));
    t->fn = fn;
    t->sched = sched;
    t->link = sched->task_list;
    t->ident = ident;
    t->priority = priority;
    t->input = queue;
    t->packet_pending = pending;
    t->task_waiting = waiting;
    sched->task_tab[ident] = t;
    sched->task_list = t;
    return t;
}

static int is_holding_or_waiting(const Task *t) {
    return t->task_holding || (!t->packet_pending && t->task_waiting);
}

static Task *run_task(Task *t) {
    Packet *msg = NULL;
    if (t->packet_pending && t->task_waiting && !t->task_holding) {
        msg = t->input;
        t->input = msg->link;
        t->packet_pending = t->input != NULL;
        t->task_waiting = 0;
    }
    return t->fn(t, msg);
}

static Task *add_packet(Task *t, Packet *pkt, Task *old) {
    if (t->input == NULL) {
        t->input = pkt;
        t->packet_pending = 1;
        if (t->priority > old->priority)
            return t;
    } else {
        append_to(pkt, t->input);
    }
    return old;
}

static Task *wait_task(Task *t) {
    t->task_waiting = 1;
    return t;
}

static Task *hold(Task *t) {
    t->sched->hold_count++;
    t->task_holding = 1;
    return t->link;
}

static Task *release(Task *self, long ident) {
    Task *t = self->sched->task_tab[ident];
    t->task_holding = 0;
    return t->priority > self->priority ? t : self;
}

static Task *qpkt(Task *self, Packet *pkt) {
    Task *t = self->sched->task_tab[pkt->ident];
    self->sched->qpkt_count++;
    pkt->link = NULL;
    pkt->ident = self->ident;
    return add_packet(t, pkt, self);
}

static Task *idle_fn(Task *self, Packet *pkt) {
    (void)pkt;
    self->count--;
    if (self->count == 0)
        return hold(self);
    if ((self->control & 1) == 0) {
        self->control = self->control / 2;
        return release(self, I_DEVA);
    }
    self->control = (self->control / 2) ^ 0xD008;
    return release(self, I_DEVB);
}

static Task *work_fn(Task *self, Packet *pkt) {
    if (pkt == NULL)
        return wait_task(self);
    self->destination = self->destination == I_HANDLERA ? I_HANDLERB : I_HANDLERA;
    pkt->ident = self->destination;
    pkt->datum = 0;
    for (int i = 0; i < BUFSIZE; i++) {
        self->count++;
        if (self->count > 26)
            self->count = 1;
        pkt->data[i] = 'A' + self->count - 1;
    }
    return qpkt(self, pkt);
}

static Task *handler_fn(Task *self, Packet *pkt) {
    if (pkt != NULL) {
        if (pkt->kind == K_WORK)
            self->work_in = append_to(pkt, self->work_in);
        else
            self->device_in = append_to(pkt, self->device_in);
    }
    Packet *work = self->work_in;
    if (work == NULL)
        return wait_task(self);
    long count = work->datum;
    if (count >= BUFSIZE) {
        self->work_in = work->link;
        return qpkt(self, work);
    }
    Packet *dev = self->device_in;
    if (dev == NULL)
        return wait_task(self);
    self->device_in = dev->link;
    dev->datum = work->data[count];
    work->datum = count + 1;
    return qpkt(self, dev);
}

static Task *device_fn(Task *self, Packet *pkt) {
    if (pkt == NULL) {
        pkt = self->pending;
        if (pkt == NULL)
            return wait_task(self);
        self->pending = NULL;
        return qpkt(self, pkt);
    }
    self->pending = pkt;
    return hold(self);
}

static void schedule(Scheduler *sched) {
    Task *t = sched->task_list;
    while (t != NULL)
        t = is_holding_or_waiting(t) ? t->link : run_task(t);
}

static void run_once(long *qpkt_count, long *hold_count) {
    Scheduler sched = {0};
    Packet *packets[10];
    int np = 0;
    Task *idle = task(&sched, idle_fn, I_IDLE, 1, NULL, 0, 0);
    idle->control = 1;
    idle->count = 10000;
    Packet *wkq = packets[np++] = packet(NULL, 0, K_WORK);
    wkq = packets[np++] = packet(wkq, 0, K_WORK);
    task(&sched, work_fn, I_WORK, 1000, wkq, 1, 1)->destination = I_HANDLERA;
    wkq = packets[np++] = packet(NULL, I_DEVA, K_DEV);
    wkq = packets[np++] = packet(wkq, I_DEVA, K_DEV);
    wkq = packets[np++] = packet(wkq, I_DEVA, K_DEV);
    task(&sched, handler_fn, I_HANDLERA, 2000, wkq, 1, 1);
    wkq = packets[np++] = packet(NULL, I_DEVB, K_DEV);
    wkq = packets[np++] = packet(wkq, I_DEVB, K_DEV);
    wkq = packets[np++] = packet(wkq, I_DEVB, K_DEV);
    task(&sched, handler_fn, I_HANDLERB, 3000, wkq, 1, 1);
    task(&sched, device_fn, I_DEVA, 4000, NULL, 0, 1);
    task(&sched, device_fn, I_DEVB, 5000, NULL, 0, 1);
    schedule(&sched);
    *qpkt_count = sched.qpkt_count;
    *hold_count = sched.hold_count;
    for (int i = 0; i < np; i++)
        free(packets[i]);
    for (int i = I_IDLE; i <= I_DEVB; i++)
        free(sched.task_tab[i]);
}

int main(int argc, char **argv) {
    long iterations = argc > 1 ? atol(argv[1]) : 100;
    long ok = 0;
    for (long i = 0; i < iterations; i++) {
        long qpkt_count, hold_count;
        run_once(&qpkt_count, &hold_count);
        if (qpkt_count == 23246 && hold_count == 9297)
            ok++;
    }
    printf("richards: %ld of %ld iterations correct (23246 packets queued, 9297 holds each)\n",
           ok, iterations);
    return 0;
}
