/** The DLT rule set and verdict types live in the model; kept here for the engine's imports. */
export * from '../model/rule-set';
