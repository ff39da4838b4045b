// A term as two dates on one line (任期开始 – 任期结束), for a form whose fields are termStart and termEnd.
import { DatePicker, Form } from 'antd';

export function TermFields({ label, startLabel, endLabel }: { label: string; startLabel: string; endLabel: string }) {
  return (
    <Form.Item label={label} className="form-item-pair">
      <div className="field-pair">
        <Form.Item name="termStart" noStyle>
          <DatePicker placeholder={startLabel} aria-label={startLabel} />
        </Form.Item>
        <span className="field-pair-sep">–</span>
        <Form.Item name="termEnd" noStyle>
          <DatePicker placeholder={endLabel} aria-label={endLabel} />
        </Form.Item>
      </div>
    </Form.Item>
  );
}
