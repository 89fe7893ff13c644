// Case follow-ups and the working-day calendar: handlers for the composition root, and the
// deadline helper other features (membership outcomes) use.
export { followupsHandlers } from './handlers';
export { DECISION_CHANGED_NOTE, DECISION_FOLLOWUP, dueInWorkingDays, holidays, openFollowupForDecision } from './followups';
