import { describe, expect, it } from 'vitest';
import { DEFAULT_HTML_LIMITS } from './limits.js';
import { checkHtml, nestingDepth } from './scan.js';

const nested = (n: number, tag = 'div') => `${`<${tag}>`.repeat(n)}x${`</${tag}>`.repeat(n)}`;

describe('nestingDepth', () => {
  it('counts elements open at once', () => {
    expect(nestingDepth('<html><body><div><section><p>a</p></section></div></body></html>')).toBe(2);
    expect(nestingDepth(nested(100))).toBe(100);
    expect(nestingDepth('<div></div>'.repeat(1000))).toBe(1);
  });

  it('does not count void elements, nor elements whose end tag is optional', () => {
    expect(nestingDepth('<div><br><img src="a.png"><input><hr></div>')).toBe(1);
    expect(nestingDepth(`<ul>${'<li>item'.repeat(500)}</ul>`)).toBe(1);
    expect(nestingDepth(`<table>${'<tr><td>a<td>b'.repeat(500)}</table>`)).toBe(1);
    expect(nestingDepth('<p>one<p>two<p>three')).toBe(0);
  });

  it('skips comments, doctypes and the content of script, style and textarea', () => {
    const inside = '<div>'.repeat(2000);
    expect(nestingDepth(`<!DOCTYPE html><!-- ${inside} --><div>x</div>`)).toBe(1);
    expect(nestingDepth(`<script>var s = "${inside}";</script><div>x</div>`)).toBe(1);
    expect(nestingDepth(`<STYLE>${inside}</STYLE><textarea>${inside}</textarea>`)).toBe(1);
  });

  it('reads `/>` as self-closing only in SVG and MathML, as parsers do', () => {
    expect(nestingDepth(`<svg>${'<path d="M0 0"/>'.repeat(1000)}</svg>`)).toBe(1);
    expect(nestingDepth('<div/>'.repeat(1000))).toBe(1000);
  });

  it('ignores `>` inside quoted attribute values and stray `<`', () => {
    expect(nestingDepth('<div title="a > b"><a href=\'x>y\'>k</a></div> 1 < 2')).toBe(2);
  });

  it('still finds the depth of the worst-case page, and stops early when told', () => {
    expect(nestingDepth(nested(190_000))).toBe(190_000);
    expect(nestingDepth(nested(190_000), 512)).toBe(513);
  });
});

describe('checkHtml', () => {
  const limits = { ...DEFAULT_HTML_LIMITS, maxBytes: 10_000, maxDepth: 50 };

  it('accepts an ordinary page', () => {
    expect(checkHtml('<html><body><div><p>SIREN 123</p></div></body></html>', limits)).toBeNull();
  });

  it('refuses a page over the byte limit, counting UTF-8 bytes', () => {
    expect(checkHtml('é'.repeat(5001), limits)).toMatchObject({
      reason: 'too_large',
      limit: 10_000,
      measured: 10_002,
    });
    expect(checkHtml('é'.repeat(5000), limits)).toBeNull();
  });

  it('refuses a page nested deeper than the limit', () => {
    expect(checkHtml(nested(51), limits)).toMatchObject({ reason: 'too_deep', limit: 50 });
    expect(checkHtml(nested(50), limits)).toBeNull();
  });
});
