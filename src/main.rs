fn main() -> std::process::ExitCode {
    civic::cli::main()
}
