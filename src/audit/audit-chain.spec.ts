import { createHash } from 'node:crypto';
import { ChainedFields, chainHash, checkLink, field, GENESIS_HASH, linkText, payloadDigest, StoredLink } from './audit-chain';

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
    payloadDigest: payloadDigest('{"decision":"no_further_action"}'),
    ...overrides,
  };
}

/** A correctly written link, as audit_append stores it. */
function link(prevHash: string, payloadJson: string | null, overrides: Partial<ChainedFields> = {}): StoredLink {
  const f = fields({ ...overrides, payloadDigest: payloadDigest(payloadJson ?? '{}') });
  return { ...f, prevHash, hash: chainHash(prevHash, f), payloadJson };
}

function chain(): StoredLink[] {
  const first = link(GENESIS_HASH, '{"decision":"investigate"}', { seq: 1 });
  const second = link(first.hash, '{"investigatorUserId":"u-inv"}', { seq: 2, id: 'e2', action: 'case.assigned' });
  const third = link(second.hash, '{"summary":"facts established"}', { seq: 3, id: 'e3', action: 'investigation.submitted' });
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

describe('audit chain format (§4, §5, §13: every action provable)', () => {
  describe('field', () => {
    it('length-prefixes values and marks NULL', () => {
      expect(field('abc')).toBe('3:abc');
      expect(field('')).toBe('0:');
      expect(field(null)).toBe('-');
      expect(field(42)).toBe('2:42');
    });
    it('counts characters, not UTF-16 units or bytes (as PostgreSQL length() does)', () => {
      expect(field('é😀')).toBe('2:é😀');
    });
    it('stops a value being shifted into its neighbour', () => {
      const a = linkText(fields({ actorRole: 'x', action: 'y' }));
      const b = linkText(fields({ actorRole: 'x\n1:y', action: '' }));
      expect(a).not.toBe(b);
    });
  });

  describe('linkText', () => {
    it('is every chained field in order, one per line', () => {
      const text = linkText(fields());
      expect(text.split('\n')).toEqual([
        '1:1',
        '36:6f0c7a53-3c55-4a0e-9d55-0a4f5b0f0001',
        '36:6f0c7a53-3c55-4a0e-9d55-0a4f5b0f0101',
        '24:2026-03-02T09:30:00.000Z',
        '36:6f0c7a53-3c55-4a0e-9d55-0a4f5b0f0201',
        '11:deputy_head',
        '12:case.triaged',
        '36:6f0c7a53-3c55-4a0e-9d55-0a4f5b0f0301',
        '4:case',
        '36:6f0c7a53-3c55-4a0e-9d55-0a4f5b0f0301',
        '32:no further action: informal word',
        `64:${payloadDigest('{"decision":"no_further_action"}')}`,
      ]);
    });
  });

  describe('chainHash', () => {
    it('is SHA-256 of the previous hash, a newline and the link text', () => {
      expect(chainHash(GENESIS_HASH, fields())).toBe(sha256(`${GENESIS_HASH}\n${linkText(fields())}`));
    });
    it.each<[keyof ChainedFields, unknown]>([
      ['seq', 2],
      ['organisationId', '6f0c7a53-3c55-4a0e-9d55-0a4f5b0f0002'],
      ['id', 'other'],
      ['occurredAt', new Date('2026-03-02T09:30:00.001Z')],
      ['actorUserId', null],
      ['actorRole', 'headteacher'],
      ['action', 'case.viewed'],
      ['caseId', null],
      ['entityType', null],
      ['entityId', null],
      ['reason', null],
      ['payloadDigest', payloadDigest('{}')],
    ])('changes when %s changes', (key, value) => {
      expect(chainHash(GENESIS_HASH, fields({ [key]: value }))).not.toBe(chainHash(GENESIS_HASH, fields()));
    });
    it('changes with the previous hash', () => {
      expect(chainHash('1'.repeat(64), fields())).not.toBe(chainHash(GENESIS_HASH, fields()));
    });
  });

  describe('payloadDigest', () => {
    it('is SHA-256 of the JSON text exactly as stored', () => {
      expect(payloadDigest('{"a":1}')).toBe(sha256('{"a":1}'));
      expect(payloadDigest('{"a":1}')).not.toBe(payloadDigest('{"a": 1}'));
    });
  });

  describe('checkLink', () => {
    it('accepts an untouched chain', () => {
      expect(verify(chain())).toEqual([null, null, null]);
    });
    it('detects an edited field (hash)', () => {
      const links = chain();
      links[1] = { ...links[1], action: 'case.viewed' };
      expect(verify(links)[1]).toEqual({ seq: 2, problem: 'hash' });
    });
    it('detects a deleted link (gap)', () => {
      const links = chain();
      expect(verify([links[0], links[2]])[1]).toEqual({ seq: 3, problem: 'gap' });
    });
    it('detects a rewritten earlier link through the next one (prev_hash)', () => {
      const links = chain();
      const forged = link(GENESIS_HASH, '{"decision":"no_further_action"}', { seq: 1 });
      expect(verify([forged, links[1], links[2]])[1]).toEqual({ seq: 2, problem: 'prev_hash' });
    });
    it('detects a payload edited under its digest (payload)', () => {
      const links = chain();
      links[2] = { ...links[2], payloadJson: '{"summary":"facts changed"}' };
      expect(verify(links)[2]).toEqual({ seq: 3, problem: 'payload' });
    });
    it('accepts a payload erased under retention (§13): the digest still stands in the chain', () => {
      const links = chain();
      links[1] = { ...links[1], payloadJson: null };
      expect(verify(links)).toEqual([null, null, null]);
    });
  });
});
