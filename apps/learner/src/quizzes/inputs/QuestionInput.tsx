import { MultipleResponseInput, SingleChoiceInput, TrueFalseInput } from './ChoiceInput';
import type { InputProps } from './input-props';
import { MatchingInput } from './MatchingInput';
import { NumericInput } from './NumericInput';
import { OrderingInput } from './OrderingInput';
import { EssayInput, ShortAnswerInput } from './TextInputs';

/** The answer input for a question's type. */
export function QuestionInput(props: InputProps) {
  const { question } = props;
  switch (question.type) {
    case 'single-choice':
      return <SingleChoiceInput {...props} question={question} />;
    case 'multiple-response':
      return <MultipleResponseInput {...props} question={question} />;
    case 'true-false':
      return <TrueFalseInput {...props} question={question} />;
    case 'short-answer':
      return <ShortAnswerInput {...props} question={question} />;
    case 'numeric':
      return <NumericInput {...props} question={question} />;
    case 'matching':
      return <MatchingInput {...props} question={question} />;
    case 'ordering':
      return <OrderingInput {...props} question={question} />;
    case 'essay':
      return <EssayInput {...props} question={question} />;
  }
}
