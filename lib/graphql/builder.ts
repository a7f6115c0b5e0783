import 'server-only';
import SchemaBuilder, { type ObjectRef } from '@pothos/core';
import type { Loaders } from '@/lib/graphql/loaders';

/** What every resolver gets: the request's loaders, and `tag` to label the response with the page-cache tags of what it shows. */
export type GraphQLContext = { loaders: Loaders; tag: (...tags: string[]) => void };

type Options = { Context: GraphQLContext; DefaultFieldNullability: false };
type Types = PothosSchemaTypes.ExtendDefaultTypes<Options>;

export const builder = new SchemaBuilder<Options>({ defaultFieldNullability: false });

const PageInfo = builder.objectRef<{ endCursor: string | null; hasNextPage: boolean }>('PageInfo').implement({
  fields: (t) => ({
    endCursor: t.string({ nullable: true, description: 'Pass it as `after` for the next page; null on the last page.', resolve: (p) => p.endCursor }),
    hasNextPage: t.exposeBoolean('hasNextPage'),
  }),
});

/** A page of a list as the content API returns it, shaped as a GraphQL connection. */
export type Connection<T> = { nodes: T[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } };
export const toConnection = <T>(list: { data: T[]; meta: { next: string | null } }): Connection<T> => ({
  nodes: list.data,
  pageInfo: { endCursor: list.meta.next, hasNextPage: list.meta.next !== null },
});

/** `<Name>Connection { nodes, pageInfo }` for an object type. */
export function connectionOf<T>(name: string, node: ObjectRef<Types, T>) {
  return builder.objectRef<Connection<T>>(`${name}Connection`).implement({
    fields: (t) => ({ nodes: t.field({ type: [node], resolve: (c) => c.nodes }), pageInfo: t.field({ type: PageInfo, resolve: (c) => c.pageInfo }) }),
  });
}
