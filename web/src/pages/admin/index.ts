// The admin area's pages: one chunk, loaded on the first visit to any of them (screens/admin.tsx).
export { NewStaffPage } from './staff-new';
export { NewUserPage } from './user-new';
export { StaffDirectoryPage } from './staff';
export { SignInSettingsPage } from './sign-in-settings';
export { StaffMemberPage } from './staff-member';
export { UserPage } from './user';
export { UsersPage } from './users';
