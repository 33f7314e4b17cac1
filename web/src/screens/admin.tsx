import { NewStaffPage } from '../pages/admin/staff-new';
import { NewUserPage } from '../pages/admin/user-new';
import { StaffDirectoryPage } from '../pages/admin/staff';
import { StaffMemberPage } from '../pages/admin/staff-member';
import { UserPage } from '../pages/admin/user';
import { UsersPage } from '../pages/admin/users';
import type { Screen } from './screen';

/** The admin screens (see screen.ts): user accounts (create, roles, deactivate, reset password) and the staff directory (create, link to an account). */
export const ADMIN_SCREENS: Screen[] = [
  { path: '/admin/users', render: () => <UsersPage /> },
  // before /admin/users/:id, which would take "new" for an id
  { path: '/admin/users/new', render: () => <NewUserPage /> },
  { path: '/admin/users/:id', render: ({ id }) => <UserPage id={id} /> },
  { path: '/admin/staff', render: () => <StaffDirectoryPage /> },
  { path: '/admin/staff/new', render: () => <NewStaffPage /> },
  { path: '/admin/staff/:id', render: ({ id }) => <StaffMemberPage id={id} /> },
];
