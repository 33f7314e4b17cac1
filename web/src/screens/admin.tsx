import { lazyPage, type Screen } from './screen';

const area = () => import('../pages/admin');
const NewStaffPage = lazyPage(area, (pages) => pages.NewStaffPage);
const NewUserPage = lazyPage(area, (pages) => pages.NewUserPage);
const StaffDirectoryPage = lazyPage(area, (pages) => pages.StaffDirectoryPage);
const StaffMemberPage = lazyPage(area, (pages) => pages.StaffMemberPage);
const UserPage = lazyPage(area, (pages) => pages.UserPage);
const UsersPage = lazyPage(area, (pages) => pages.UsersPage);
const SignInSettingsPage = lazyPage(area, (pages) => pages.SignInSettingsPage);

/** The admin screens (see screen.ts): user accounts (create, roles, deactivate, reset password or second factor), the staff directory (create, link to an account) and how people sign in. */
export const ADMIN_SCREENS: Screen[] = [
  { path: '/admin/users', render: () => <UsersPage /> },
  // before /admin/users/:id, which would take "new" for an id
  { path: '/admin/users/new', render: () => <NewUserPage /> },
  { path: '/admin/users/:id', render: ({ id }) => <UserPage id={id} /> },
  { path: '/admin/staff', render: () => <StaffDirectoryPage /> },
  { path: '/admin/staff/new', render: () => <NewStaffPage /> },
  { path: '/admin/staff/:id', render: ({ id }) => <StaffMemberPage id={id} /> },
  // process.md §7: password, single sign-on, the second factor
  { path: '/admin/sign-in', render: () => <SignInSettingsPage /> },
];
