// Whether the server answers. The API client reports every outcome here; while the server is gone, the
// monitor asks /api/v1/health every few seconds, and when it answers again every subscriber hears it
// (the banner disappears and live pages refetch).

type Listener = () => void;

const RETRY_MS = 2000;

class ConnectionMonitor {
  private down = false;
  private generation = 0; // counts recoveries, so pages can refetch after one
  private listeners = new Set<Listener>();
  private timer: number | undefined;

  isDown = () => this.down;
  recoveries = () => this.generation;

  subscribe = (listener: Listener) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Resolves when the server answers again (at once when it is not down). */
  nextRecovery(): Promise<void> {
    return new Promise((resolve) => {
      if (!this.down) return resolve();
      const unsubscribe = this.subscribe(() => {
        if (!this.down) {
          unsubscribe();
          resolve();
        }
      });
    });
  }

  reportDown() {
    if (this.down) return;
    this.down = true;
    this.emit();
    this.timer = window.setInterval(() => this.probe(), RETRY_MS);
  }

  reportUp() {
    if (!this.down) return;
    this.down = false;
    this.generation++;
    window.clearInterval(this.timer);
    this.emit();
  }

  private async probe() {
    try {
      const response = await fetch('/api/v1/health', { headers: { Accept: 'application/json' } });
      if (response.ok) this.reportUp();
    } catch {
      // still gone; the next probe tries again
    }
  }

  private emit() {
    this.listeners.forEach((l) => l());
  }
}

export const connection = new ConnectionMonitor();
