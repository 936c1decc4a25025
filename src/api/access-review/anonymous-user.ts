/**
 * Who every request is: kubefacade has no authentication, so clients are anonymous, as they are on a real
 * server with anonymous auth on (apiserver pkg/authentication/request/anonymous/anonymous.go).
 */
export interface UserInfo {
  username: string;
  uid?: string;
  groups: readonly string[];
}

export const ANONYMOUS_USER: UserInfo = { username: 'system:anonymous', groups: ['system:unauthenticated'] };
