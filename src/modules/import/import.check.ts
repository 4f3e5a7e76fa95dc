/**
 * Checks one import record's input exactly as its GraphQL mutation would: a private schema (never
 * served) has one field per record kind taking the very input type of the mutation (e.g.
 * CreateOrganisationInput, LinkInput), so graphql-js coerces the value (types, enums, scalars,
 * required fields) and type-graphql runs the class-validator rules, then hands the input over as
 * the class instance the services take. No second validator: the one schema's rules, reused.
 */
import 'reflect-metadata';
import { execute, parse, type DocumentNode, type GraphQLError, type GraphQLSchema } from 'graphql';
import {
  Arg,
  ArgumentValidationError,
  buildSchema,
  Ctx,
  Query,
  Resolver,
  type ClassType,
} from 'type-graphql';
import { variableArgument } from '../../shared/argument-path';
import { firstViolation } from '../../shared/validation-errors';
import { ENTITY_DECLARATIONS } from '../entity/entity.registry';
import { LinkInput } from '../relationship/relationship.inputs';
import { RecordInvitationInput } from '../invitation/invitation.inputs';
import { RecordPresentationInput } from '../presentation/presentation.inputs';
import { RecordProposalInput } from '../proposal/proposal.inputs';
import { RecordQuestionInput } from '../question/question.inputs';

/** Each interaction kind's input: the very type its record mutation takes. */
export const INTERACTION_INPUTS = {
  Invitation: RecordInvitationInput,
  Presentation: RecordPresentationInput,
  Proposal: RecordProposalInput,
  Question: RecordQuestionInput,
} as const;

/** A value refused: the input path (e.g. "input.kind") and a sentence. */
export interface InputRefusal {
  field: string;
  message: string;
}

interface Captured {
  value?: object;
}

/** One query field `<kind>(input: <Type>!): Boolean` that hands the checked input back. */
function checkField(kind: string, inputType: ClassType): ClassType {
  @Resolver()
  class ImportCheck {
    @Query(() => Boolean, { name: kind })
    check(@Arg('input', () => inputType) input: object, @Ctx() ctx: Captured): boolean {
      ctx.value = input;
      return true;
    }
  }
  Object.defineProperty(ImportCheck, 'name', { value: `Import${kind}Check` });
  return ImportCheck;
}

/** The refusal graphql-js or class-validator gave, as the GraphQL answer would name it. */
function refusalOf(error: GraphQLError): InputRefusal {
  const original = error.originalError;
  if (original instanceof ArgumentValidationError) {
    const violation = firstViolation(original.extensions.validationErrors, 'input');
    const field = violation?.path ?? 'input';
    return {
      field,
      message: violation ? `${field}: ${violation.message}.` : 'The input is not valid.',
    };
  }
  // A coercion failure: 'Variable "$input" got invalid value 7 at "input.kind"; <why>'.
  const field = variableArgument(error).argument ?? 'input';
  const why = error.message.includes('; ')
    ? error.message.slice(error.message.indexOf('; ') + 2)
    : error.message;
  return { field, message: `${field}: ${why}` };
}

export class InputChecker {
  private readonly documents = new Map<string, DocumentNode>();

  private constructor(private readonly schema: GraphQLSchema) {}

  /** The kinds an import line may hold: every entity label with write inputs, "link", and each interaction label. */
  static async create(): Promise<InputChecker> {
    const fields = ENTITY_DECLARATIONS.flatMap((d) =>
      d.writes ? [checkField(d.label, d.writes.create)] : [],
    );
    fields.push(checkField('link', LinkInput));
    for (const [kind, input] of Object.entries(INTERACTION_INPUTS))
      fields.push(checkField(kind, input));
    const schema = await buildSchema({
      resolvers: fields as unknown as [ClassType, ...ClassType[]],
      validate: true,
      // Some input types' modules carry @Authorized fields; nothing here is authorised (the
      // route checks the role), and this schema is never served.
      authChecker: () => true,
    });
    const checker = new InputChecker(schema);
    for (const d of ENTITY_DECLARATIONS) if (d.writes) checker.add(d.label, d.writes.create.name);
    checker.add('link', LinkInput.name);
    for (const [kind, input] of Object.entries(INTERACTION_INPUTS)) checker.add(kind, input.name);
    return checker;
  }

  private add(kind: string, typeName: string): void {
    this.documents.set(kind, parse(`query Check($input: ${typeName}!) { ${kind}(input: $input) }`));
  }

  /** The input as the mutation's resolver would receive it, or why it is refused. */
  async check<T extends object>(
    kind: string,
    input: unknown,
  ): Promise<{ value: T } | { refusal: InputRefusal }> {
    const document = this.documents.get(kind)!;
    const captured: Captured = {};
    const result = await execute({
      schema: this.schema,
      document,
      variableValues: { input },
      contextValue: captured,
    });
    const error = result.errors?.[0];
    if (error) return { refusal: refusalOf(error) };
    return { value: captured.value as T };
  }
}
