// A stand-in worker for the worker clients' tests: a MessageChannel with an API exposed on
// its far end, so comlink and the structured clone run for real; terminate() and error
// events are simulated.
import { expose } from 'comlink';

export class FakeWorker extends EventTarget {
  terminated = false;
  readonly port: MessagePort;
  /** Resolves when the worker is gone, however it went: what the Web Lock tells the page. */
  readonly gone: Promise<void>;
  private markGone: () => void = () => {};
  constructor(api: object) {
    super();
    this.gone = new Promise<void>((resolve) => (this.markGone = resolve));
    const channel = new MessageChannel();
    this.port = channel.port1;
    expose(api, channel.port2);
    this.port.addEventListener('message', (e) => this.dispatchEvent(new MessageEvent('message', { data: (e as MessageEvent).data })));
    this.port.start();
  }
  postMessage(data: unknown, transfer?: Transferable[]): void {
    if (!this.terminated) this.port.postMessage(data, transfer ?? []);
  }
  terminate(): void {
    this.terminated = true;
    this.port.close();
    this.markGone();
  }
  /** Terminated from outside, closed, killed: no event at all, only its lock released. */
  vanish(): void {
    this.port.close();
    this.markGone();
  }
  /** A crash: the worker reports an error event and answers nothing more. */
  crash(): void {
    this.dispatchEvent(Object.assign(new Event('error'), { message: 'worker crashed' }));
  }
}
