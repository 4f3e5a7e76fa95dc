/**
 * The resolver container handed to type-graphql: resolvers are built once at start with the
 * services they delegate to (constructor injection), so resolvers stay thin and testable.
 */
import type { ContainerType } from 'type-graphql';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Class<T = unknown> = new (...args: any[]) => T;

export class ResolverContainer implements ContainerType {
  private readonly instances = new Map<Class, unknown>();

  register<T>(cls: Class<T>, instance: T): this {
    this.instances.set(cls, instance);
    return this;
  }

  get(cls: Class): unknown {
    const instance = this.instances.get(cls);
    if (instance === undefined) throw new Error(`resolver ${cls.name} was not registered`);
    return instance;
  }

  resolvers(): [Class, ...Class[]] {
    const list = [...this.instances.keys()];
    if (list.length === 0) throw new Error('no resolvers registered');
    return list as [Class, ...Class[]];
  }
}
