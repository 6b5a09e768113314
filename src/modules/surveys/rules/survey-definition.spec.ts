import { activationProblem, questionProblems } from './survey-definition';

const q = (kind: 'rating' | 'recommend' | 'text', weight?: number | null) => ({ kind, textZh: '问题', textEn: 'Question', weight });

describe('survey definition', () => {
  it('needs a weight on each rated dimension and none elsewhere, naming the field', () => {
    expect(questionProblems([q('rating', 3), q('recommend'), q('text')])).toEqual([]);
    expect(questionProblems([q('rating'), q('text', 2)])).toEqual([
      { field: 'questions[0].weight', message: 'a rated dimension needs a weight (1–100)' },
      { field: 'questions[1].weight', message: 'a text question has no weight' },
    ]);
  });

  it('asks "would you recommend us" at most once', () => {
    expect(questionProblems([q('recommend'), q('rating', 1), q('recommend')])).toEqual([
      { field: 'questions[2].kind', message: 'a survey asks "would you recommend us" at most once' },
    ]);
  });

  it('activates only with a scored question', () => {
    expect(activationProblem([q('text')])).toMatch(/at least one rated or recommend/);
    expect(activationProblem([q('text'), q('recommend')])).toBeNull();
  });
});
