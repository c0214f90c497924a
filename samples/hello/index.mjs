// The sample function `make run` registers on first start: greets whoever the task names.
export const handler = async (event) => {
  const name = event.data?.name ?? 'world';
  console.log(`Greeting ${name} (task ${event.task.id}, attempt ${event.task.attempt})`);
  return { greeting: `Hello, ${name}!` };
};
