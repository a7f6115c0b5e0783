import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { limitError, MAX_COST, measureQuery } from './limits';

const measure = (query: string, variables: Record<string, unknown> = {}, operationName?: string) => measureQuery(parse(query), operationName, variables);

describe('GraphQL query limits', () => {
  it('counts depth through fragments and inline fragments, without looping on a cycle', () => {
    expect(measure('{ sections { nodes { slug } } }').depth).toBe(3);
    expect(measure('query { article(id: "x") { ...A } } fragment A on Article { section { ... on SectionRef { slug } } }').depth).toBe(3);
    expect(measure('{ article(id: "x") { ...A } } fragment A on Article { ...B } fragment B on Article { ...A }').depth).toBe(1);
  });

  it('multiplies what each item costs by the size of the list, from `first` or a variable', () => {
    const q = 'query($n: Int) { articles(first: $n) { nodes { title body { html } heroImage { url } } } }';
    // articles 1 + n × (nodes 1 + body 1 + heroImage 1)
    expect(measure(q, { n: 10 }).cost).toBe(31);
    expect(measure(q).cost).toBe(61);
    expect(measure('{ articles(first: 100) { nodes { id } } }').cost).toBe(101);
    expect(limitError({ depth: 3, cost: MAX_COST + 1 })?.code).toBe('COST_LIMIT_EXCEEDED');
    expect(limitError({ depth: 9, cost: 1 })?.code).toBe('DEPTH_LIMIT_EXCEEDED');
    expect(limitError({ depth: 8, cost: MAX_COST })).toBeNull();
  });

  it('measures the named operation of several', () => {
    const doc = 'query A { sections { nodes { slug } } } query B { article(id: "x") { section { slug } } }';
    expect(measure(doc, {}, 'B')).toEqual({ depth: 3, cost: 2 });
    expect(measure(doc)).toEqual({ depth: 0, cost: 0 });
  });
});
