"""Users who sign in: the first user of a workspace, Edit → Users… (a manager's list of users with
add, edit, reset PIN and deactivate), and "Forgot PIN?" with the workspace's recovery key."""
