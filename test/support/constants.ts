/** Demo password in the test template (the README's demo password is for humans). */
export const TEST_PASSWORD = 'test-password-123';
/** Lowest scrypt cost the config allows: the login path is the same, only cheaper. */
export const TEST_PASSWORD_COST = 14;
