import { jsonLimitPassed, type JsonLimits } from '../../../provider/simulator/http/json-limits';

const limits: JsonLimits = { depth: 3, arrayItems: 3, stringChars: 5 };

describe('request bodies are measured on their text before they are parsed', () => {
  it('a body within every limit passes', () => {
    expect(jsonLimitPassed('{"a": [1, 2.5e3, true], "b": {"c": null}}', limits)).toBeUndefined();
    expect(jsonLimitPassed('[[[]]]', limits)).toBeUndefined();
    expect(jsonLimitPassed('[ ]', limits)).toBeUndefined();
  });

  it('brackets, commas and escaped quotes inside strings are text, not structure', () => {
    expect(jsonLimitPassed('["[[[{", "a,b,c"]', { ...limits, stringChars: 10 })).toBeUndefined();
    expect(jsonLimitPassed('["\\"[[[["]', { ...limits, stringChars: 10 })).toBeUndefined();
  });

  it('one level too deep is refused, naming the limit', () => {
    expect(jsonLimitPassed('[[[[]]]]', limits)).toBe(
      'request body nests objects and arrays deeper than 3 levels; send a flatter body',
    );
    expect(jsonLimitPassed('{"a":{"b":{"c":{}}}}', limits)).toMatch(/deeper than 3 levels/);
  });

  it('one item too many in any array is refused, nested arrays counted apart', () => {
    expect(jsonLimitPassed('[[1,2,3],[4,5,6],[7,8,9]]', limits)).toBeUndefined();
    expect(jsonLimitPassed('{"a":[1,2,3,4]}', limits)).toBe(
      'request body has an array of more than 3 items; send at most 3',
    );
    expect(jsonLimitPassed('{"a":1,"b":2,"c":3,"d":4}', limits)).toBeUndefined();
  });

  it('one character too many in a string or a key is refused; an escape counts as one', () => {
    expect(jsonLimitPassed('["abcde", "\\n\\n\\n\\n\\n"]', limits)).toBeUndefined();
    expect(jsonLimitPassed('{"abcdef": 1}', limits)).toBe(
      'request body has a string longer than 5 characters; send shorter strings',
    );
  });
});
