import { Card, Checkbox, DatePicker, Form, InputNumber, Segmented, Space } from 'antd';
import type { FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import type { ScheduleFrequency, Weekday } from '../gql/graphql';
import { useEnum, useT } from '../lib/i18n';
import { type Rule, WEEKDAYS, seriesDates } from '../lib/schedule';


/** The fields of a repeat rule as a form holds them (dates as dayjs). */
export interface RuleDraft {
  startsOn: Dayjs;
  frequency: ScheduleFrequency;
  interval: number;
  weekdays: Weekday[];
  monthDay?: number;
  end: 'count' | 'until';
  count?: number;
  until?: Dayjs;
  except: Dayjs[];
}

export const RULE_DEFAULTS = { frequency: 'WEEKLY' as ScheduleFrequency, interval: 1, weekdays: [] as Weekday[], end: 'count' as const, count: 8, except: [] as Dayjs[] };

/** The rule the API takes (`ScheduleSessionsInput` and `repeat` of `ScheduleEventsInput` share it). */
export function ruleOf(v: RuleDraft): Rule {
  return {
    frequency: v.frequency, interval: v.interval ?? 1, weekdays: v.weekdays ?? [], monthDay: v.monthDay ?? null,
    startsOn: v.startsOn.format('YYYY-MM-DD'), count: v.end === 'count' ? v.count ?? null : null,
    until: v.end === 'until' ? v.until?.format('YYYY-MM-DD') ?? null : null,
    except: (v.except ?? []).map((d) => d.format('YYYY-MM-DD')),
  };
}

/**
 * The repeat rule's fields (daily, weekly on weekdays, monthly on a day; interval; count or
 * until; dates left out) and, before saving, the dates it gives — each with what it clashes
 * with, where `clash` says.
 */
export default function RepeatRule({ form, clash, unit = ['次', 'dates'] }: { form: FormInstance; clash?: (date: string) => string | null; unit?: [string, string] }) {
  const t = useT();
  const label = useEnum();
  const draft = Form.useWatch([], form) as RuleDraft | undefined;
  // Watched by name: a multiple date picker's value is not in the whole-form watch.
  const except = Form.useWatch('except', form) as Dayjs[] | undefined;
  const dates = draft?.startsOn && draft.frequency ? seriesDates(ruleOf({ ...draft, except: except ?? [] })) : null;
  const clashes = (dates ?? []).map((d) => [d, clash?.(d)] as const).filter(([, c]) => c);
  return (
    <Card size="small" className="repeat-rule">
      <Space wrap>
        <Form.Item name="frequency" label={t('频率', 'Every')}>
          <Segmented options={[{ value: 'DAILY', label: t('每天', 'Day') }, { value: 'WEEKLY', label: t('每周', 'Week') }, { value: 'MONTHLY', label: t('每月', 'Month') }]} />
        </Form.Item>
        <Form.Item name="interval" label={t('间隔', 'Interval')}><InputNumber min={1} max={12} /></Form.Item>
      </Space>
      {draft?.frequency === 'WEEKLY' && (
        <Form.Item name="weekdays" label={t('星期', 'Weekdays')}>
          <Checkbox.Group options={WEEKDAYS.map((w) => ({ value: w, label: label('Weekday', w) }))} />
        </Form.Item>
      )}
      {draft?.frequency === 'MONTHLY' && (
        <Form.Item name="monthDay" label={t('每月几号（留空则同开始日）', 'Day of the month (empty: as the start)')}><InputNumber min={1} max={31} /></Form.Item>
      )}
      <Space wrap>
        <Form.Item name="end" label={t('结束', 'Ends')}>
          <Segmented options={[{ value: 'count', label: t('按次数', 'After') }, { value: 'until', label: t('到日期', 'On') }]} />
        </Form.Item>
        {draft?.end === 'until'
          ? <Form.Item name="until" label={t('截止日期', 'Until')} rules={[{ required: true }]}><DatePicker /></Form.Item>
          : <Form.Item name="count" label={t('次数', 'Times')} rules={[{ required: true }]}><InputNumber min={1} max={400} /></Form.Item>}
      </Space>
      <Form.Item name="except" label={t('跳过的日期', 'Dates left out')}>
        <DatePicker multiple />
      </Form.Item>
      <div className="series-preview" aria-live="polite">
        {dates == null
          ? t('这个规则两年内排不完，请调整', 'This rule does not end within two years')
          : t(`共 ${dates.length} ${unit[0]}：${dates.join('、')}`, `${dates.length} ${unit[1]}: ${dates.join(', ')}`)}
      </div>
      {clashes.length > 0 && (
        <div className="series-clashes" role="alert">
          {t('时间冲突：', 'Clashes: ')}{clashes.map(([d, c]) => `${d} ${c}`).join('；')}
        </div>
      )}
    </Card>
  );
}
