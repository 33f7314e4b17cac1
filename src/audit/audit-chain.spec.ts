import { createHash } from 'node:crypto';
import { canonicalJson, ChainedFields, chainHash, checkLink, GENESIS_HASH, linkText, payloadDigest, StoredLink, toJsonValue } from './audit-chain';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function fields(overrides: Partial<ChainedFields> = {}): ChainedFields {
  return {
    seq: 1,
    organisationId: '6f0c7a53-3c55-4a0e-9d55-0a4f5b0f0001',
    id: '6f0c7a53-3c55-4a0e-9d55-0a4f5b0f0101',
    occurredAt: new Date('2026-03-02T09:30:00.000Z'),
    actorUserId: '6f0c7a53-3c55-4a0e-9d55-0a4f5b0f0201',
    actorRole: 'deputy_head',
    action: 'case.triaged',
    caseId: '6f0c7a53-3c55-4a0e-9d55-0a4f5b0f0301',
    entityType: 'case',
    entityId: '6f0c7a53-3c55-4a0e-9d55-0a4f5b0f0301',
    reason: 'no further action: informal word',
    payloadDigest: payloadDigest({ decision: 'no_further_action' }),
    ...overrides,
  };
}

/** A correctly written link, as the audit writer stores it. */
function link(prevHash: string, payload: unknown, overrides: Partial<ChainedFields> = {}): StoredLink {
  const f = fields({ ...overrides, payloadDigest: payloadDigest(payload) });
  return { ...f, prevHash, hash: chainHash(prevHash, f), payload };
}

/** Three links, seq 1..3, chained from the genesis hash. */
function chain(): StoredLink[] {
  const first = link(GENESIS_HASH, { decision: 'investigate' }, { seq: 1 });
  const second = link(first.hash, { investigatorUserId: 'u-inv' }, { seq: 2, id: 'e2', action: 'case.assigned' });
  const third = link(second.hash, { summary: 'facts established' }, { seq: 3, id: 'e3', action: 'case.report_submitted' });
  return [first, second, third];
}

function verify(links: StoredLink[]): Array<{ seq: number; problem: string } | null> {
  let prevHash = GENESIS_HASH;
  return links.map((l, i) => {
    const problem = checkLink(l, i + 1, prevHash);
    prevHash = l.hash;
    return problem ? { seq: l.seq, problem } : null;
  });
}

describe('audit chain (§4, §5, §13: every action provable)', () => {
  describe('canonicalJson', () => {
    it('sorts object keys, so key order does not change the text', () => {
      expect(canonicalJson({ b: 1, a: 2 })).toBe('{"a":2,"b":1}');
      expect(canonicalJson({ b: 1, a: 2 })).toBe(canonicalJson({ a: 2, b: 1 }));
    });

    it('sorts keys at every level, including objects inside arrays', () => {
      const a = { z: { y: 1, x: [{ q: 1, p: 2 }] }, a: null };
      const b = { a: null, z: { x: [{ p: 2, q: 1 }], y: 1 } };
      expect(canonicalJson(a)).toBe('{"a":null,"z":{"x":[{"p":2,"q":1}],"y":1}}');
      expect(canonicalJson(b)).toBe(canonicalJson(a));
    });

    it('keeps array order (order in an array is meaning)', () => {
      expect(canonicalJson([2, 1])).toBe('[2,1]');
      expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]));
    });

    it('leaves out undefined properties, as jsonb would', () => {
      expect(canonicalJson({ a: 1, b: undefined })).toBe('{"a":1}');
    });

    it('writes undefined array items and a bare undefined as null', () => {
      expect(canonicalJson([1, undefined])).toBe('[1,null]');
      expect(canonicalJson(undefined)).toBe('null');
    });

    it('writes scalars as JSON does, escaping strings', () => {
      expect(canonicalJson('a "quoted"\nline')).toBe('"a \\"quoted\\"\\nline"');
      expect(canonicalJson(12.5)).toBe('12.5');
      expect(canonicalJson(true)).toBe('true');
      expect(canonicalJson(null)).toBe('null');
    });

    it('escapes keys', () => {
      expect(canonicalJson({ 'a"b': 1 })).toBe('{"a\\"b":1}');
    });

    it('is stable: the same value twice gives the same text', () => {
      const value = { reason: 'x', list: [{ b: 2, a: 1 }], n: 3 };
      expect(canonicalJson(value)).toBe(canonicalJson(JSON.parse(JSON.stringify(value))));
    });

    it('round-trips through JSON.parse to an equal value', () => {
      const value = { b: [1, 'two', { d: false, c: null }], a: { e: 'é' } };
      expect(JSON.parse(canonicalJson(value))).toEqual(value);
    });
  });

  describe('toJsonValue', () => {
    it('turns dates into ISO strings, as they come back from jsonb', () => {
      expect(toJsonValue({ at: new Date('2026-03-02T09:30:00.000Z') })).toEqual({ at: '2026-03-02T09:30:00.000Z' });
    });
    it('turns undefined into null', () => {
      expect(toJsonValue(undefined)).toBeNull();
    });
  });

  describe('payloadDigest', () => {
    it('is the SHA-256 of the canonical JSON', () => {
      expect(payloadDigest({ b: 1, a: 2 })).toBe(sha256('{"a":2,"b":1}'));
      expect(payloadDigest({ b: 1, a: 2 })).toMatch(/^[0-9a-f]{64}$/);
    });
    it('does not depend on key order', () => {
      expect(payloadDigest({ b: 1, a: 2 })).toBe(payloadDigest({ a: 2, b: 1 }));
    });
    it('changes with any value', () => {
      expect(payloadDigest({ a: 1 })).not.toBe(payloadDigest({ a: 2 }));
      expect(payloadDigest({ a: [1, 2] })).not.toBe(payloadDigest({ a: [2, 1] }));
    });
    it('digests a missing payload as null', () => {
      expect(payloadDigest(undefined)).toBe(sha256('null'));
      expect(payloadDigest(null)).toBe(sha256('null'));
    });
  });

  describe('chainHash', () => {
    it('is SHA-256(prevHash ‖ "\\n" ‖ linkText)', () => {
      const f = fields();
      expect(chainHash(GENESIS_HASH, f)).toBe(sha256(`${GENESIS_HASH}\n${linkText(f)}`));
    });

    it('is deterministic', () => {
      expect(chainHash(GENESIS_HASH, fields())).toBe(chainHash(GENESIS_HASH, fields()));
    });

    it('changes with the previous hash', () => {
      expect(chainHash('f'.repeat(64), fields())).not.toBe(chainHash(GENESIS_HASH, fields()));
    });

    const changes: Array<[keyof ChainedFields, ChainedFields[keyof ChainedFields]]> = [
      ['seq', 2],
      ['organisationId', '6f0c7a53-3c55-4a0e-9d55-0a4f5b0f0002'],
      ['id', '6f0c7a53-3c55-4a0e-9d55-0a4f5b0f0102'],
      ['occurredAt', new Date('2026-03-02T09:30:00.001Z')],
      ['actorUserId', null],
      ['actorRole', 'headteacher'],
      ['action', 'case.closed'],
      ['caseId', null],
      ['entityType', 'allegation'],
      ['entityId', null],
      ['reason', null],
      ['payloadDigest', payloadDigest({ decision: 'investigate' })],
    ];

    it('covers every chained field', () => {
      expect(changes.map(([key]) => key).sort()).toEqual(Object.keys(fields()).sort());
    });

    it.each(changes)('changes when %s changes', (key, value) => {
      expect(chainHash(GENESIS_HASH, fields({ [key]: value }))).not.toBe(chainHash(GENESIS_HASH, fields()));
    });

    it('tells null from the string "null"', () => {
      expect(chainHash(GENESIS_HASH, fields({ reason: null }))).not.toBe(chainHash(GENESIS_HASH, fields({ reason: 'null' })));
    });

    it('cannot be fooled by moving text between adjacent fields', () => {
      const a = fields({ entityType: 'case', entityId: 'x' });
      const b = fields({ entityType: 'casex', entityId: '' });
      expect(chainHash(GENESIS_HASH, a)).not.toBe(chainHash(GENESIS_HASH, b));
    });
  });

  describe('checkLink', () => {
    it('accepts an untouched chain', () => {
      expect(verify(chain())).toEqual([null, null, null]);
    });

    it('gap: a deleted link', () => {
      const [first, , third] = chain();
      expect(checkLink(third, 2, first.hash)).toBe('gap');
    });

    it('gap: links out of order', () => {
      const [first, second, third] = chain();
      expect(verify([first, third, second])[1]).toEqual({ seq: 3, problem: 'gap' });
    });

    it('prev_hash: the link does not point at the one before it', () => {
      const [, second] = chain();
      expect(checkLink(second, 2, 'a'.repeat(64))).toBe('prev_hash');
    });

    it('prev_hash: an earlier link rewritten with a recomputed hash breaks the next link', () => {
      const links = chain();
      const forged = link(GENESIS_HASH, { decision: 'no_further_action' }, { seq: 1, reason: 'rewritten' });
      links[0] = forged;
      expect(verify(links)).toEqual([null, { seq: 2, problem: 'prev_hash' }, null]);
    });

    it('prev_hash: a replaced prevHash on the link itself', () => {
      const [first, second] = chain();
      expect(checkLink({ ...second, prevHash: GENESIS_HASH }, 2, first.hash)).toBe('prev_hash');
    });

    it.each<[string, Partial<StoredLink>]>([
      ['actorUserId', { actorUserId: 'someone-else' }],
      ['actorRole', { actorRole: 'headteacher' }],
      ['action', { action: 'case.deleted' }],
      ['occurredAt', { occurredAt: new Date('2025-01-01T00:00:00.000Z') }],
      ['reason', { reason: 'edited reason' }],
      ['caseId', { caseId: null }],
      ['payloadDigest', { payloadDigest: payloadDigest({ other: true }) }],
    ])('hash: an edited %s', (_field, edit) => {
      const [first, second] = chain();
      expect(checkLink({ ...second, ...edit }, 2, first.hash)).toBe('hash');
    });

    it('hash: an edited stored hash', () => {
      const [first, second] = chain();
      expect(checkLink({ ...second, hash: 'b'.repeat(64) }, 2, first.hash)).toBe('hash');
    });

    it('payload: a tampered payload whose digest no longer matches', () => {
      const [first, second] = chain();
      expect(checkLink({ ...second, payload: { investigatorUserId: 'u-someone-else' } }, 2, first.hash)).toBe('payload');
    });

    it('payload: an added property', () => {
      const [first, second] = chain();
      expect(checkLink({ ...second, payload: { investigatorUserId: 'u-inv', extra: 1 } }, 2, first.hash)).toBe('payload');
    });

    it('accepts the payload with its keys in another order (jsonb does not keep key order)', () => {
      const first = link(GENESIS_HASH, { b: 1, a: { d: 2, c: 3 } });
      expect(checkLink({ ...first, payload: { a: { c: 3, d: 2 }, b: 1 } }, 1, GENESIS_HASH)).toBeNull();
    });

    it('§13: accepts an erased (null) payload: the digest still stands in the chain', () => {
      const links = chain();
      links[1] = { ...links[1], payload: null };
      expect(verify(links)).toEqual([null, null, null]);
    });

    it('reports the first problem: gap before prev_hash before hash', () => {
      const [first, second] = chain();
      expect(checkLink({ ...second, seq: 5, prevHash: 'c'.repeat(64), action: 'x' }, 2, first.hash)).toBe('gap');
      expect(checkLink({ ...second, prevHash: 'c'.repeat(64), action: 'x' }, 2, first.hash)).toBe('prev_hash');
    });
  });
});
