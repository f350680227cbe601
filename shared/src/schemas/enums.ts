/** Enumerations of DESIGN §3 with their Chinese labels next to the codes. */
import type * as z from '../zod.js';
import { labelledEnum } from './common.js';
import {
  ACCOUNTABILITY_FORM_LABELS,
  ALERT_SEVERITY_LABELS,
  ALERT_STATE_LABELS,
  CASE_STATE_LABELS,
  CASE_TRIGGER_LABELS,
  FINDING_SEVERITY_LABELS,
  FINDING_SOURCE_LABELS,
  GOV_LEVEL_LABELS,
  OPERATION_ACTION_LABELS,
  PETITION_CHANNEL_LABELS,
  PETITION_STATE_LABELS,
  POLARITY_LABELS,
  POST_KIND_LABELS,
  PROBLEM_CATEGORY_LABELS,
  RECTIFICATION_SOURCE_KIND_LABELS,
  RECTIFICATION_STATE_LABELS,
  ROLE_LABELS,
  SATISFACTION_LABELS,
  SIGNAL_SEVERITY_LABELS,
  UNIT_KIND_LABELS,
} from './labels.js';

export const unitKind = labelledEnum(UNIT_KIND_LABELS);

export const postKind = labelledEnum(POST_KIND_LABELS);

/** Problem categories: fund misuse (001, 003) and work style (002), plus idle funds (资金趴账, 001). */
export const problemCategory = labelledEnum(PROBLEM_CATEGORY_LABELS);

export const findingSeverity = labelledEnum(FINDING_SEVERITY_LABELS);

export const findingSource = labelledEnum(FINDING_SOURCE_LABELS);

export const petitionChannel = labelledEnum(PETITION_CHANNEL_LABELS);

/** Government levels, lowest first: the order escalation is measured on (DESIGN §4.3). */
export const govLevel = labelledEnum(GOV_LEVEL_LABELS);

export const petitionState = labelledEnum(PETITION_STATE_LABELS);

export const satisfaction = labelledEnum(SATISFACTION_LABELS);

export const polarity = labelledEnum(POLARITY_LABELS);

export const signalSeverity = labelledEnum(SIGNAL_SEVERITY_LABELS);

export const rectificationState = labelledEnum(RECTIFICATION_STATE_LABELS);

export const rectificationSourceKind = labelledEnum(RECTIFICATION_SOURCE_KIND_LABELS);

export const alertState = labelledEnum(ALERT_STATE_LABELS);

export const alertSeverity = labelledEnum(ALERT_SEVERITY_LABELS);

export const caseState = labelledEnum(CASE_STATE_LABELS);

/** The kinds of trigger that propose an accountability case (the `kind` of caseTriggerSchema). */
export const caseTriggerKind = labelledEnum(CASE_TRIGGER_LABELS);

export const accountabilityForm = labelledEnum(ACCOUNTABILITY_FORM_LABELS);

export const role = labelledEnum(ROLE_LABELS);

export const operationAction = labelledEnum(OPERATION_ACTION_LABELS);

export type Role = z.output<typeof role.schema>;
export type OperationAction = z.output<typeof operationAction.schema>;
export type GovLevel = z.output<typeof govLevel.schema>;
export type FindingSeverity = z.output<typeof findingSeverity.schema>;
export type RectificationState = z.output<typeof rectificationState.schema>;
export type SignalSeverity = z.output<typeof signalSeverity.schema>;
export type Polarity = z.output<typeof polarity.schema>;
export type ProblemCategory = z.output<typeof problemCategory.schema>;
export type Satisfaction = z.output<typeof satisfaction.schema>;
export type PostKind = z.output<typeof postKind.schema>;
