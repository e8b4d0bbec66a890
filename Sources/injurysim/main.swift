import InjurySimCLI

// Thin executable: hand the arguments to the library at once (off the main actor, on a
// detached task while this thread waits) and exit with the code it returns. Waiting on a
// semaphore rather than parking the main thread in dispatch_main keeps the process runnable
// under valgrind's callgrind, which the project uses to count instructions.
guard let arguments = Program.commandLineArguments() else { Program.exit(64) }
Program.exit(Program.runBlocking(arguments: arguments))
