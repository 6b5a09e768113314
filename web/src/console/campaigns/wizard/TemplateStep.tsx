import { Alert, Card, Col, Row, Typography } from 'antd';
import { useI18n } from '../../../shared/i18n';
import { QueryState } from '../../components/QueryState';
import { useTemplatePreview } from '../queries';
import type { Draft } from './draft';

/** The chosen template rendered in both languages; a note when the campaign sends no message. */
export function TemplateStep({ draft }: { draft: Draft }) {
  const { t } = useI18n();
  const preview = useTemplatePreview(draft.template, draft.messageOn);
  if (!draft.messageOn || !draft.template) {
    return <Alert type="info" title={t('campaigns.noMessage')} />;
  }
  return (
    <QueryState query={preview}>
      {(p) => (
        <Row gutter={[16, 16]}>
          {(['zh-CN', 'en'] as const).map((l) => (
            <Col xs={24} md={12} key={l}>
              <Card size="small" title={l === 'zh-CN' ? '简体中文' : 'English'} data-testid={`template-preview-${l}`}>
                {p[l].subject && <Typography.Text strong>{p[l].subject}</Typography.Text>}
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{p[l].text}</Typography.Paragraph>
              </Card>
            </Col>
          ))}
        </Row>
      )}
    </QueryState>
  );
}
