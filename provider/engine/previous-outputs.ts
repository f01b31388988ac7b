/**
 * Where a program run by numberplane's stack runner finds the stack outputs of the last
 * update (JSON), set before `up` and `preview`: the inventory program reads which numbers
 * were protected, so that dropping one from the file is refused before any change.
 */
export const PREVIOUS_OUTPUTS_ENV = 'NUMBERPLANE_PREVIOUS_OUTPUTS';
