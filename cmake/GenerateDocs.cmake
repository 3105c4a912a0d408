# Runs the built cxkpi to write its man page and shell completions into OUT.
file(MAKE_DIRECTORY ${OUT})
execute_process(COMMAND ${CXKPI} man OUTPUT_FILE ${OUT}/cxkpi.1 COMMAND_ERROR_IS_FATAL ANY)
execute_process(COMMAND ${CXKPI} completions bash OUTPUT_FILE ${OUT}/cxkpi.bash COMMAND_ERROR_IS_FATAL ANY)
execute_process(COMMAND ${CXKPI} completions zsh OUTPUT_FILE ${OUT}/_cxkpi COMMAND_ERROR_IS_FATAL ANY)
execute_process(COMMAND ${CXKPI} completions fish OUTPUT_FILE ${OUT}/cxkpi.fish COMMAND_ERROR_IS_FATAL ANY)
