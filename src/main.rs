fn main() -> std::process::ExitCode {
    civic::cmd::main()
}
