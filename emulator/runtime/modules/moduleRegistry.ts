/** N/* modules by name; each factory runs once per runtime, on first use. */
export class ModuleRegistry {
  private readonly factories = new Map<string, () => unknown>();
  private readonly instances = new Map<string, unknown>();

  register(name: string, factory: () => unknown): void {
    this.factories.set(name, factory);
    this.instances.delete(name);
  }

  has(name: string): boolean {
    return this.factories.has(name);
  }

  /** The module, or undefined when none is registered under `name`. */
  get(name: string): unknown {
    if (this.instances.has(name)) return this.instances.get(name);
    const factory = this.factories.get(name);
    if (!factory) return undefined;
    const instance = factory();
    this.instances.set(name, instance);
    return instance;
  }

  names(): string[] {
    return [...this.factories.keys()].sort();
  }
}
