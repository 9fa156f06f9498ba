fn main() -> std::process::ExitCode {
    entente::cli::main()
}
