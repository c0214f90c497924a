// System.Threading.Tasks (an implicit using) has a TaskStatus too; ours is meant throughout.
global using TaskStatus = Tasks.Domain.Tasks.TaskStatus;
