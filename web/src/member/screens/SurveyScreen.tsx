import { useMutation, useQuery } from '@tanstack/react-query';
import { Button, ProgressBar, Result, Skeleton, TextArea } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { ApiError, unwrap, type Schemas } from '../../shared/api';
import { formatDateTime } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { portal } from '../session';
import { useMemberVoiceText, type MemberVoiceKey } from './voice-text';

type Question = Schemas['SurveyQuestionResponse'];
type Answers = Record<string, { score?: number; text?: string }>;

const progressKey = (token: string) => `loyalty.survey.${token.slice(0, 36)}`;

function savedAnswers(token: string): { answers: Answers; at: number } {
  try {
    const raw = localStorage.getItem(progressKey(token));
    return raw ? (JSON.parse(raw) as { answers: Answers; at: number }) : { answers: {}, at: 0 };
  } catch {
    return { answers: {}, at: 0 };
  }
}

/**
 * A survey invitation's link, no sign-in: one question per screen with the progress, the answers kept on this phone
 * until they are sent (so it can be finished later within the link's life), sent once.
 */
export function SurveyScreen({ token }: { token: string }) {
  const tv = useMemberVoiceText();
  const { lang } = useI18n();
  const survey = useQuery({
    queryKey: ['survey', token],
    queryFn: async () => unwrap(await portal.GET('/api/v1/portal/surveys/{token}', { params: { path: { token } } })),
    retry: false,
  });
  const [answers, setAnswers] = useState<Answers>(() => savedAnswers(token).answers);
  const [at, setAt] = useState(() => savedAnswers(token).at);
  useEffect(() => {
    try {
      localStorage.setItem(progressKey(token), JSON.stringify({ answers, at }));
    } catch {
      // private mode: the progress lasts for this visit only
    }
  }, [token, answers, at]);
  const submit = useMutation({
    mutationFn: async (body: Schemas['SubmitSurveyDto']) =>
      unwrap(await portal.POST('/api/v1/portal/surveys/{token}/answers', { params: { path: { token } }, body })),
    onSuccess: () => {
      try {
        localStorage.removeItem(progressKey(token));
      } catch {
        // nothing kept
      }
    },
  });

  if (survey.isPending) {
    return <Skeleton.Paragraph lineCount={5} animated />;
  }
  const failure = survey.error ?? submit.error;
  if (submit.isSuccess || (failure instanceof ApiError && failure.code === 'SURVEY_ALREADY_ANSWERED')) {
    return (
      <Result
        status="success"
        title={submit.isSuccess ? tv('sv.thanks') : tv('sv.answered')}
        description={submit.isSuccess ? tv('sv.thanksText') : undefined}
      />
    );
  }
  if (survey.error || !survey.data) {
    return <Result status="warning" title={tv('sv.invalid')} description={survey.error?.message} />;
  }
  const s = survey.data;
  const questions = s.questions;
  const index = Math.min(at, questions.length - 1);
  const q = questions[index];
  const last = index === questions.length - 1;
  const answered = (x: Question) =>
    x.kind === 'text' ? !x.required || Boolean(answers[x.questionId]?.text?.trim()) : answers[x.questionId]?.score !== undefined;
  const set = (value: { score?: number; text?: string }) => setAnswers({ ...answers, [q.questionId]: value });
  const send = () =>
    submit.mutate({
      answers: questions.flatMap((x): Array<Schemas['SurveyAnswerDto']> => {
        const a = answers[x.questionId];
        if (!a) {
          return [];
        }
        if (x.kind === 'text') {
          return a.text?.trim() ? [{ questionId: x.questionId, text: a.text.trim() }] : [];
        }
        return a.score === undefined ? [] : [{ questionId: x.questionId, score: a.score }];
      }),
    });
  return (
    <section className="m-section" style={{ padding: 16 }} data-testid="survey-screen">
      <h2 style={{ marginTop: 0 }}>{lang === 'zh-CN' ? s.titleZh : s.titleEn}</h2>
      <p className="m-muted">{tv('sv.progress', { n: index + 1, total: questions.length })}</p>
      <ProgressBar
        percent={Math.round(((index + (answered(q) ? 1 : 0)) / questions.length) * 100)}
        aria-label={tv('sv.progress', { n: index + 1, total: questions.length })}
      />
      <h3 style={{ margin: '20px 0 12px', fontSize: 18 }} id="m-survey-question">
        {lang === 'zh-CN' ? q.textZh : q.textEn}
      </h3>
      {q.kind === 'rating' && (
        <div role="group" aria-labelledby="m-survey-question" style={{ display: 'grid', gap: 8 }}>
          {[5, 4, 3, 2, 1].map((score) => (
            <Button
              key={score}
              aria-pressed={answers[q.questionId]?.score === score}
              color={answers[q.questionId]?.score === score ? 'primary' : 'default'}
              onClick={() => set({ score })}
              block
            >
              {score} · {tv(`sv.r${score}` as MemberVoiceKey)}
            </Button>
          ))}
        </div>
      )}
      {q.kind === 'recommend' && (
        <div>
          <div role="group" aria-labelledby="m-survey-question" style={{ display: 'grid', gridTemplateColumns: 'repeat(6, 1fr)', gap: 6 }}>
            {Array.from({ length: 11 }, (_, score) => (
              <Button
                key={score}
                aria-pressed={answers[q.questionId]?.score === score}
                color={answers[q.questionId]?.score === score ? 'primary' : 'default'}
                onClick={() => set({ score })}
                style={{ padding: '8px 0' }}
              >
                {score}
              </Button>
            ))}
          </div>
          <div className="m-muted" style={{ display: 'flex', justifyContent: 'space-between', marginTop: 6, fontSize: 12 }}>
            <span>0 · {tv('sv.unlikely')}</span>
            <span>10 · {tv('sv.likely')}</span>
          </div>
        </div>
      )}
      {q.kind === 'text' && (
        <TextArea
          aria-labelledby="m-survey-question"
          placeholder={tv('sv.textPlaceholder')}
          rows={5}
          maxLength={2000}
          showCount
          value={answers[q.questionId]?.text ?? ''}
          onChange={(text) => set({ text })}
          style={{ border: '1px solid #ddd', borderRadius: 8, padding: 8 }}
        />
      )}
      <div style={{ display: 'flex', gap: 8, marginTop: 24 }}>
        {index > 0 && (
          <Button onClick={() => setAt(index - 1)} style={{ flex: 1 }}>
            {tv('sv.back')}
          </Button>
        )}
        {last ? (
          <Button color="primary" disabled={!questions.every(answered)} loading={submit.isPending} onClick={send} style={{ flex: 2 }}>
            {tv('sv.submit')}
          </Button>
        ) : (
          <Button color="primary" disabled={!answered(q)} onClick={() => setAt(index + 1)} style={{ flex: 2 }}>
            {q.kind === 'text' && !answers[q.questionId]?.text ? tv('sv.skip') : tv('sv.next')}
          </Button>
        )}
      </div>
      {submit.error && (
        <p role="alert" style={{ color: '#cf1322' }}>
          {submit.error.message}
        </p>
      )}
      <p className="m-muted" style={{ fontSize: 12, marginTop: 16 }}>
        {tv('sv.until', { time: formatDateTime(s.expiresAt, lang) })}
      </p>
    </section>
  );
}
