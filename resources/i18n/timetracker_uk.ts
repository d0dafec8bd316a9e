<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="uk_UA">
<context>
    <name>AbsenceDialog</name>
    <message>
        <source>Mark as absence</source>
        <translation>Позначити як відсутність</translation>
    </message>
    <message>
        <source>order or sick-note number (optional)</source>
        <translation>номер наказу чи листка непрацездатності (необов&apos;язково)</translation>
    </message>
    <message>
        <source>Employee:</source>
        <translation>Працівник:</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Вид:</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>З:</translation>
    </message>
    <message>
        <source>To (included):</source>
        <translation>По (включно):</translation>
    </message>
    <message>
        <source>Document:</source>
        <translation>Документ:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Примітка:</translation>
    </message>
</context>
<context>
    <name>AbsenceTableModel</name>
    <message>
        <source>Type</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>From</source>
        <translation>З</translation>
    </message>
    <message>
        <source>To</source>
        <translation>По</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Днів</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Документ</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Примітка</translation>
    </message>
</context>
<context>
    <name>AbsencesPanel</name>
    <message>
        <source>Absences</source>
        <translation>Відсутності</translation>
    </message>
    <message>
        <source>Add absence...</source>
        <translation>Додати відсутність...</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Видалити</translation>
    </message>
    <message>
        <source>Absences of {0}</source>
        <translation>Відсутності: {0}</translation>
    </message>
    <message>
        <source>Delete the absence {0} from {1} to {2}?</source>
        <translation>Видалити відсутність «{0}» з {1} по {2}?</translation>
    </message>
    <message>
        <source>Delete absence</source>
        <translation>Видалити відсутність</translation>
    </message>
</context>
<context>
    <name>AddBadgeDialog</name>
    <message>
        <source>New badge for {0}</source>
        <translation>Новий бейдж для {0}</translation>
    </message>
    <message>
        <source>Card (UID)</source>
        <translation>Картка (UID)</translation>
    </message>
    <message>
        <source>Phone badge code</source>
        <translation>Код бейджа телефону</translation>
    </message>
    <message>
        <source>Terminal PIN</source>
        <translation>PIN термінала</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Тип:</translation>
    </message>
    <message>
        <source>Value:</source>
        <translation>Значення:</translation>
    </message>
</context>
<context>
    <name>AddTerminalDialog</name>
    <message>
        <source>New terminal</source>
        <translation>Новий термінал</translation>
    </message>
    <message>
        <source>e.g. Entrance</source>
        <translation>напр. Вхід</translation>
    </message>
    <message>
        <source>Android terminal (phone badges, QR set-up)</source>
        <translation>Android-термінал (бейджі телефонів, налаштування через QR)</translation>
    </message>
    <message>
        <source>Card reader terminal</source>
        <translation>Термінал зі зчитувачем карток</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Назва:</translation>
    </message>
    <message>
        <source>Location:</source>
        <translation>Розташування:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Тип:</translation>
    </message>
</context>
<context>
    <name>AddUserDialog</name>
    <message>
        <source>New user</source>
        <translation>Новий користувач</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Ім&apos;я користувача:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Роль:</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>The first administrator</source>
        <translation>Перший адміністратор</translation>
    </message>
    <message>
        <source>This account manages users and settings. Keep the password safe: it cannot be recovered.</source>
        <translation>Цей обліковий запис керує користувачами та налаштуваннями. Зберігайте пароль надійно: відновити його неможливо.</translation>
    </message>
    <message>
        <source>at least {0} characters</source>
        <translation>щонайменше {0} символів</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Ім’я користувача:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Пароль:</translation>
    </message>
    <message>
        <source>Repeat the password:</source>
        <translation>Повторіть пароль:</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Паролі не збігаються.</translation>
    </message>
    <message>
        <source>Creating the administrator...</source>
        <translation>Створення адміністратора…</translation>
    </message>
</context>
<context>
    <name>AlertsBox</name>
    <message>
        <source>Alerts and database upkeep (shared by all computers)</source>
        <translation>Сповіщення й обслуговування бази даних (спільні для всіх комп’ютерів)</translation>
    </message>
    <message>
        <source> h</source>
        <translation> год</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> МБ</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source> days</source>
        <translation> дн.</translation>
    </message>
    <message>
        <source> min</source>
        <translation> хв</translation>
    </message>
    <message>
        <source>:00</source>
        <translation>:00</translation>
    </message>
    <message>
        <source> months</source>
        <translation> міс.</translation>
    </message>
    <message>
        <source>never</source>
        <translation>ніколи</translation>
    </message>
    <message>
        <source>No backup for more than:</source>
        <translation>Немає резервної копії понад:</translation>
    </message>
    <message>
        <source>Never remove data of the last:</source>
        <translation>Ніколи не видаляти дані за останні:</translation>
    </message>
    <message>
        <source>or</source>
        <translation>або</translation>
    </message>
    <message>
        <source>Free disk space under:</source>
        <translation>Вільного місця на диску менше ніж:</translation>
    </message>
    <message>
        <source>Database larger than:</source>
        <translation>База даних більша за:</translation>
    </message>
    <message>
        <source>No integrity check for:</source>
        <translation>Немає перевірки цілісності вже:</translation>
    </message>
    <message>
        <source>Terminal silent for:</source>
        <translation>Термінал мовчить понад:</translation>
    </message>
    <message>
        <source>to</source>
        <translation>до</translation>
    </message>
    <message>
        <source>Working hours (Mon-Fri):</source>
        <translation>Робочі години (пн–пт):</translation>
    </message>
    <message>
        <source>Optimise the database every:</source>
        <translation>Оптимізувати базу даних кожні:</translation>
    </message>
</context>
<context>
    <name>ApplyTemplateDialog</name>
    <message>
        <source>Fill from a template</source>
        <translation>Заповнити з шаблону</translation>
    </message>
    <message>
        <source>New...</source>
        <translation>Новий...</translation>
    </message>
    <message>
        <source>Edit...</source>
        <translation>Змінити...</translation>
    </message>
    <message>
        <source>Overwrite cells that are already filled</source>
        <translation>Перезаписати вже заповнені клітинки</translation>
    </message>
    <message>
        <source>Template:</source>
        <translation>Шаблон:</translation>
    </message>
    <message>
        <source>Employees:</source>
        <translation>Працівники:</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>З:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>По:</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <source>Assign punch</source>
        <translation>Призначити відмітку</translation>
    </message>
    <message>
        <source>Choose an employee...</source>
        <translation>Виберіть працівника...</translation>
    </message>
    <message>
        <source>e.g. forgot the card at home, tapped a spare one</source>
        <translation>напр. забув картку вдома, відмітився запасною</translation>
    </message>
    <message>
        <source>Also add this card as a badge of the employee</source>
        <translation>Також додати цю картку як бейдж працівника</translation>
    </message>
    <message>
        <source>Their later taps with this card then count at once, without this queue.</source>
        <translation>Тоді наступні відмітки цією карткою зараховуватимуться одразу, без цієї черги.</translation>
    </message>
    <message>
        <source>I confirm that this phone belongs to this employee (the sighting is not signed)</source>
        <translation>Підтверджую, що цей телефон належить цьому працівникові (відмітка не підписана)</translation>
    </message>
    <message>
        <source>Read:</source>
        <translation>Зчитано:</translation>
    </message>
    <message>
        <source>Employee:</source>
        <translation>Працівник:</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Причина:</translation>
    </message>
    <message>
        <source>Choose the employee who made this tap.</source>
        <translation>Виберіть працівника, який зробив цю відмітку.</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <source>Time</source>
        <translation>Час</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Хто</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Дія</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Об&apos;єкт</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Результат</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Who: {0}</source>
        <translation>Хто: {0}</translation>
    </message>
    <message>
        <source>Object: {0}</source>
        <translation>Об&apos;єкт: {0}</translation>
    </message>
    <message>
        <source>Workstation: {0}</source>
        <translation>Робоча станція: {0}</translation>
    </message>
    <message>
        <source>Reason: {0}</source>
        <translation>Причина: {0}</translation>
    </message>
    <message>
        <source>Before:</source>
        <translation>До:</translation>
    </message>
    <message>
        <source>After:</source>
        <translation>Після:</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <source>All actions</source>
        <translation>Усі дії</translation>
    </message>
    <message>
        <source>All objects</source>
        <translation>Усі об&apos;єкти</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Оновити</translation>
    </message>
    <message>
        <source>Verify chain</source>
        <translation>Перевірити ланцюжок</translation>
    </message>
    <message>
        <source>Action:</source>
        <translation>Дія:</translation>
    </message>
    <message>
        <source>Object:</source>
        <translation>Об&apos;єкт:</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>З:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>По:</translation>
    </message>
    <message>
        <source>Loading...</source>
        <translation>Завантаження...</translation>
    </message>
    <message numerus="yes">
        <source>%n entry(ies)</source>
        <translation>
            <numerusform>%n запис</numerusform>
            <numerusform>%n записи</numerusform>
            <numerusform>%n записів</numerusform>
        </translation>
    </message>
    <message>
        <source>Checking...</source>
        <translation>Перевірка...</translation>
    </message>
    <message numerus="yes">
        <source>Intact: %n entry(ies) chain correctly.</source>
        <translation>
            <numerusform>Цілий: %n запис правильно зчеплений.</numerusform>
            <numerusform>Цілий: %n записи правильно зчеплені.</numerusform>
            <numerusform>Цілий: %n записів правильно зчеплені.</numerusform>
        </translation>
    </message>
    <message>
        <source>Broken at entry #{0}: the log was altered after it was written.</source>
        <translation>Порушено на записі №{0}: журнал змінили після запису.</translation>
    </message>
</context>
<context>
    <name>AutostartCheckBox</name>
    <message>
        <source>Start TimeTracker Desktop when I sign in to Windows</source>
        <translation>Запускати TimeTracker Desktop під час входу в Windows</translation>
    </message>
    <message>
        <source>Only for you, on this computer. Terminals are heard only while the program runs, unless the listener runs as a Windows service.</source>
        <translation>Лише для вас, на цьому комп’ютері. Відмітки терміналів приймаються лише поки програма працює, якщо приймач не запущено як службу Windows.</translation>
    </message>
    <message>
        <source>Disabled in Task Manager (Startup apps): Windows does not start the program. Check the box to turn it on again.</source>
        <translation>Вимкнено в Диспетчері завдань (Автозавантаження): Windows не запускає програму. Позначте прапорець, щоб увімкнути знову.</translation>
    </message>
    <message>
        <source>Windows did not let the program change its start at sign-in: {0}</source>
        <translation>Windows не дозволила програмі змінити запуск під час входу: {0}</translation>
    </message>
</context>
<context>
    <name>BackupScheduleBox</name>
    <message>
        <source>Automatic backups</source>
        <translation>Автоматичні резервні копії</translation>
    </message>
    <message>
        <source>Choose...</source>
        <translation>Вибрати...</translation>
    </message>
    <message>
        <source> h</source>
        <translation> год</translation>
    </message>
    <message>
        <source>off</source>
        <translation>вимкнено</translation>
    </message>
    <message>
        <source>One program per database makes the automatic backups: this program, the TimeTracker service or the program on another computer, whichever started first. When it stops, another one takes over within a few minutes.</source>
        <translation>Автоматичні копії однієї бази даних робить одна програма: ця програма, служба TimeTracker або програма на іншому комп’ютері — та, що запустилася першою. Коли вона зупиняється, за кілька хвилин її роботу перебирає інша.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Зберегти</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Папка:</translation>
    </message>
    <message>
        <source>Every:</source>
        <translation>Кожні:</translation>
    </message>
    <message>
        <source>Keep the newest:</source>
        <translation>Зберігати найновіших:</translation>
    </message>
    <message>
        <source>Last automatic backup:</source>
        <translation>Остання автоматична копія:</translation>
    </message>
    <message>
        <source>Next one due:</source>
        <translation>Наступна:</translation>
    </message>
    <message>
        <source>Made by:</source>
        <translation>Робить:</translation>
    </message>
    <message>
        <source>Saving...</source>
        <translation>Збереження...</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>ще не було</translation>
    </message>
    <message>
        <source>never (switched off)</source>
        <translation>ніколи (вимкнено)</translation>
    </message>
    <message>
        <source>made by the program named below into its own folder, which this computer cannot see; set a shared folder above to see them here</source>
        <translation>їх робить названа нижче програма у власну папку, якої цей комп’ютер не бачить; укажіть вище спільну папку, щоб бачити їх тут</translation>
    </message>
    <message>
        <source>when that program&apos;s own folder says so</source>
        <translation>за власною папкою тієї програми</translation>
    </message>
    <message>
        <source>nobody: no TimeTracker program or service is running them now</source>
        <translation>ніхто: зараз їх не робить жодна програма чи служба TimeTracker</translation>
    </message>
    <message>
        <source>this program</source>
        <translation>ця програма</translation>
    </message>
    <message>
        <source>{0}, last heartbeat {1}</source>
        <translation>{0}, останній сигнал {1}</translation>
    </message>
    <message>
        <source>Saved. The running program makes the backups when they are due.</source>
        <translation>Збережено. Запущена програма робить копії, коли настає час.</translation>
    </message>
    <message>
        <source>Folder for automatic backups</source>
        <translation>Папка для автоматичних копій</translation>
    </message>
</context>
<context>
    <name>BackupTablesModel</name>
    <message>
        <source>Table</source>
        <translation>Таблиця</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Рядків</translation>
    </message>
    <message>
        <source>Checksum (SHA-256)</source>
        <translation>Контрольна сума (SHA-256)</translation>
    </message>
</context>
<context>
    <name>BackupsView</name>
    <message>
        <source>Back up now...</source>
        <translation>Зробити копію зараз...</translation>
    </message>
    <message>
        <source>Restore...</source>
        <translation>Відновити...</translation>
    </message>
    <message>
        <source>Import from the legacy server...</source>
        <translation>Імпорт зі старого сервера...</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Резервна копія зараз</translation>
    </message>
    <message>
        <source>A backup is one file with every record; it is safe while terminals are punching.</source>
        <translation>Резервна копія — один файл з усіма записами; її можна робити, поки термінали реєструють відмітки.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Відновлення</translation>
    </message>
    <message>
        <source>Replaces ALL data with a backup. Close the program on other computers and stop the service first. A backup from a newer program version is refused.</source>
        <translation>Замінює ВСІ дані даними з копії. Спершу закрийте програму на інших комп’ютерах і зупиніть службу. Копію з новішої версії програми відновити не можна.</translation>
    </message>
    <message>
        <source>Moving from the legacy server</source>
        <translation>Перехід зі старого сервера</translation>
    </message>
    <message>
        <source>Brings over employees, badges, terminals (their keys keep working), events, schedules and users from the old TimeTracker server. Running it again brings only what is new.</source>
        <translation>Переносить працівників, бейджі, термінали (їхні ключі далі працюють), події, графіки та користувачів зі старого сервера TimeTracker. Повторний запуск переносить лише нове.</translation>
    </message>
    <message>
        <source>Save the backup as</source>
        <translation>Зберегти резервну копію як</translation>
    </message>
    <message>
        <source>Backups (*.zip)</source>
        <translation>Резервні копії (*.zip)</translation>
    </message>
    <message>
        <source>Backing up to {0}...</source>
        <translation>Створення копії {0}...</translation>
    </message>
    <message>
        <source>Saved {0}: {1} rows in {2} tables, {3}.</source>
        <translation>Збережено {0}: {1} рядків у {2} таблицях, {3}.</translation>
    </message>
    <message>
        <source>Choose a backup to restore</source>
        <translation>Виберіть резервну копію для відновлення</translation>
    </message>
    <message>
        <source>Backups (*.zip);;All files (*)</source>
        <translation>Резервні копії (*.zip);;Усі файли (*)</translation>
    </message>
    <message>
        <source>Reading {0}...</source>
        <translation>Читання {0}...</translation>
    </message>
    <message>
        <source>Restoring {0}: wait until it is done...</source>
        <translation>Відновлення з {0}: дочекайтеся завершення...</translation>
    </message>
    <message>
        <source>Restored {0} rows; all {1} tables match their row counts and checksums.</source>
        <translation>Відновлено {0} рядків; усі {1} таблиць збігаються за кількістю рядків і контрольними сумами.</translation>
    </message>
    <message>
        <source>The replaced data was saved to {0}.</source>
        <translation>Замінені дані збережено в {0}.</translation>
    </message>
    <message>
        <source>Restore finished</source>
        <translation>Відновлення завершено</translation>
    </message>
    <message>
        <source>The data was restored. Restart TimeTracker Desktop so that every page shows it.</source>
        <translation>Дані відновлено. Перезапустіть TimeTracker Desktop, щоб усі сторінки їх показали.</translation>
    </message>
    <message>
        <source>Quit now</source>
        <translation>Вийти зараз</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Пізніше</translation>
    </message>
    <message>
        <source>The database was not changed.</source>
        <translation>Базу даних не змінено.</translation>
    </message>
    <message>
        <source>The previous data was put back from {0}.</source>
        <translation>Попередні дані повернуто з {0}.</translation>
    </message>
    <message>
        <source>The previous data could not be put back: restore {0} now.</source>
        <translation>Попередні дані не вдалося повернути: негайно відновіть {0}.</translation>
    </message>
    <message>
        <source>The database was empty before.</source>
        <translation>База даних до цього була порожня.</translation>
    </message>
    <message>
        <source>Safety backup of the data before the restore: {0}</source>
        <translation>Страхувальна копія даних, зроблена перед відновленням: {0}</translation>
    </message>
    <message>
        <source>Details: {0}</source>
        <translation>Подробиці: {0}</translation>
    </message>
</context>
<context>
    <name>BadgeReadView</name>
    <message>
        <source>Read from the badge</source>
        <translation>Прочитано з бейджа</translation>
    </message>
    <message>
        <source>Card UID:</source>
        <translation>UID картки:</translation>
    </message>
    <message>
        <source>Reversed:</source>
        <translation>У зворотному порядку:</translation>
    </message>
    <message>
        <source>Decimal:</source>
        <translation>Десятковий:</translation>
    </message>
    <message>
        <source>Phone badge code:</source>
        <translation>Код бейджа телефона:</translation>
    </message>
    <message>
        <source>Key:</source>
        <translation>Ключ:</translation>
    </message>
    <message>
        <source>Key fingerprint:</source>
        <translation>Відбиток ключа:</translation>
    </message>
    <message>
        <source>Holder:</source>
        <translation>Власник:</translation>
    </message>
    <message>
        <source>Little-endian / big-endian: other readers and systems print one of these.</source>
        <translation>Від молодшого / від старшого байта: інші зчитувачі та системи показують одне з цих чисел.</translation>
    </message>
    <message>
        <source>{0} / {1}</source>
        <translation>{0} / {1}</translation>
    </message>
    <message>
        <source>verified by a fresh challenge</source>
        <translation>перевірено свіжим викликом</translation>
    </message>
    <message>
        <source>NOT verified: wrong signature</source>
        <translation>НЕ перевірено: хибний підпис</translation>
    </message>
</context>
<context>
    <name>BadgeTableModel</name>
    <message>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Badge</source>
        <translation>Бейдж</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Видано</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Стан</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Картка</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Активний</translation>
    </message>
    <message>
        <source>Revoked {0}: {1}</source>
        <translation>Відкликано {0}: {1}</translation>
    </message>
</context>
<context>
    <name>BadgesPanel</name>
    <message>
        <source>Badges</source>
        <translation>Бейджі</translation>
    </message>
    <message>
        <source>Add badge</source>
        <translation>Додати бейдж</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Відкликати</translation>
    </message>
    <message>
        <source>Give to another...</source>
        <translation>Передати іншому…</translation>
    </message>
    <message>
        <source>Badges of {0}</source>
        <translation>Бейджі: {0}</translation>
    </message>
    <message>
        <source>Enroll from reader...</source>
        <translation>Зі зчитувача...</translation>
    </message>
</context>
<context>
    <name>BusinessRulesBox</name>
    <message>
        <source>Business rules (reports; shared by all computers)</source>
        <translation>Правила обліку (звіти; спільні для всіх комп’ютерів)</translation>
    </message>
    <message>
        <source> min</source>
        <translation> хв</translation>
    </message>
    <message>
        <source>No rounding</source>
        <translation>Без округлення</translation>
    </message>
    <message>
        <source>Each punch: IN up, OUT down</source>
        <translation>Кожна відмітка: прихід угору, вихід униз</translation>
    </message>
    <message>
        <source>Each punch: to the nearest step</source>
        <translation>Кожна відмітка: до найближчого кроку</translation>
    </message>
    <message>
        <source>Daily total down to a step</source>
        <translation>Денна сума вниз до кроку</translation>
    </message>
    <message>
        <source>Count from the scheduled start (early arrival earns nothing)</source>
        <translation>Рахувати від початку за графіком (ранній прихід не зараховується)</translation>
    </message>
    <message>
        <source>{0} min</source>
        <translation>{0} хв</translation>
    </message>
    <message>
        <source>Credit nothing; show it for review</source>
        <translation>Нічого не зараховувати; показати для перевірки</translation>
    </message>
    <message>
        <source>Close the shift at its scheduled end</source>
        <translation>Закрити зміну в її кінець за графіком</translation>
    </message>
    <message>
        <source>Late only after:</source>
        <translation>Запізнення лише після:</translation>
    </message>
    <message>
        <source>Early leave only after:</source>
        <translation>Ранній вихід лише після:</translation>
    </message>
    <message>
        <source>Overtime counts from:</source>
        <translation>Понаднормові рахуються від:</translation>
    </message>
    <message>
        <source>Rounding:</source>
        <translation>Округлення:</translation>
    </message>
    <message>
        <source>Rounding step:</source>
        <translation>Крок округлення:</translation>
    </message>
    <message>
        <source>A forgotten OUT:</source>
        <translation>Забутий вихід:</translation>
    </message>
</context>
<context>
    <name>CloseQuestion</name>
    <message>
        <source>Close TimeTracker Desktop</source>
        <translation>Закрити TimeTracker Desktop</translation>
    </message>
    <message>
        <source>Terminals report to this computer (listening on port {0}).</source>
        <translation>Термінали надсилають відмітки на цей комп’ютер (порт {0}).</translation>
    </message>
    <message>
        <source>Keep listening in the tray, so that their taps are still recorded?</source>
        <translation>Працювати далі в області сповіщень, щоб їхні відмітки й надалі записувалися?</translation>
    </message>
    <message>
        <source>Keep listening in the tray</source>
        <translation>Працювати далі в області сповіщень</translation>
    </message>
    <message>
        <source>If you quit, terminals cannot record taps until the program is started again. This desktop has no notification area, so the program cannot keep running without its window.</source>
        <translation>Якщо вийти, термінали не зможуть записувати відмітки, доки програму не буде запущено знову. На цьому робочому столі немає області сповіщень, тож програма не може працювати без свого вікна.</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Вийти</translation>
    </message>
</context>
<context>
    <name>CommandTableModel</name>
    <message>
        <source>Command</source>
        <translation>Команда</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Стан</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>У черзі</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Хто</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Відповідь</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Результат</translation>
    </message>
    <message>
        <source>Set time and settings</source>
        <translation>Встановити час і налаштування</translation>
    </message>
    <message>
        <source>Reboot</source>
        <translation>Перезавантаження</translation>
    </message>
    <message>
        <source>Clear logs</source>
        <translation>Очищення журналу</translation>
    </message>
    <message>
        <source>Device information</source>
        <translation>Відомості про пристрій</translation>
    </message>
    <message>
        <source>Verify logs</source>
        <translation>Перевірка журналу</translation>
    </message>
    <message>
        <source>Upload user {0}</source>
        <translation>Передати працівника {0}</translation>
    </message>
    <message>
        <source>Reload all logs</source>
        <translation>Повторне надсилання журналу</translation>
    </message>
    <message>
        <source>Sent, waiting for the answer</source>
        <translation>Надіслано, чекає відповіді</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Виконано</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Помилка</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>Без відповіді</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Успішно</translation>
    </message>
    <message>
        <source>error {0}</source>
        <translation>помилка {0}</translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <source>Void punch</source>
        <translation>Анулювати відмітку</translation>
    </message>
    <message>
        <source>Set direction</source>
        <translation>Встановити напрямок</translation>
    </message>
    <message>
        <source>In</source>
        <translation>Прихід</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>Вихід</translation>
    </message>
    <message>
        <source>Punch:</source>
        <translation>Відмітка:</translation>
    </message>
    <message>
        <source>Direction:</source>
        <translation>Напрямок:</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Причина:</translation>
    </message>
</context>
<context>
    <name>DatabaseDialog</name>
    <message>
        <source>Database connection</source>
        <translation>Підключення до бази даних</translation>
    </message>
    <message>
        <source>The new database is used from the next start of TimeTracker Desktop.</source>
        <translation>Нова база даних використовуватиметься з наступного запуску TimeTracker Desktop.</translation>
    </message>
    <message>
        <source>Saved without the password: there is no password store, it will be asked at start.</source>
        <translation>Збережено без пароля: сховища паролів немає, пароль буде запитано під час запуску.</translation>
    </message>
</context>
<context>
    <name>DatabaseForm</name>
    <message>
        <source>Embedded database on this computer (recommended)</source>
        <translation>Вбудована база даних на цьому комп’ютері (рекомендовано)</translation>
    </message>
    <message>
        <source>MySQL or MariaDB server (several computers share the data)</source>
        <translation>Сервер MySQL або MariaDB (дані спільні для кількох комп’ютерів)</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Перевірити підключення</translation>
    </message>
    <message>
        <source>No password store (keyring) was found on this computer, so the password is not saved: TimeTracker will ask for it at every start.</source>
        <translation>На цьому комп’ютері не знайдено сховища паролів (keyring), тому пароль не зберігається: TimeTracker запитуватиме його під час кожного запуску.</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>Огляд…</translation>
    </message>
    <message>
        <source>Database file</source>
        <translation>Файл бази даних</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Сервер</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>Хост:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Порт:</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Користувач:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Пароль:</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>База даних:</translation>
    </message>
    <message>
        <source>SQLite database (*.db)</source>
        <translation>База даних SQLite (*.db)</translation>
    </message>
    <message>
        <source>Connecting...</source>
        <translation>Підключення…</translation>
    </message>
    <message>
        <source>Connected. The database is empty: its tables will be created.</source>
        <translation>Підключено. База даних порожня: таблиці буде створено.</translation>
    </message>
    <message>
        <source>Connected. The database is ready.</source>
        <translation>Підключено. База даних готова.</translation>
    </message>
</context>
<context>
    <name>DatabaseGrowthModel</name>
    <message>
        <source>Month</source>
        <translation>Місяць</translation>
    </message>
    <message>
        <source>Punches</source>
        <translation>Відмітки</translation>
    </message>
    <message>
        <source>Audit entries</source>
        <translation>Записи журналу аудиту</translation>
    </message>
    <message>
        <source>Scan receipts</source>
        <translation>Квитанції сканувань</translation>
    </message>
    <message>
        <source>Unassigned punches</source>
        <translation>Непризначені відмітки</translation>
    </message>
</context>
<context>
    <name>DatabasePage</name>
    <message>
        <source>Where to keep the data</source>
        <translation>Де зберігати дані</translation>
    </message>
    <message>
        <source>The embedded database suits one office PC. Choose a server if several PCs share the data.</source>
        <translation>Вбудована база даних підходить для одного офісного ПК. Оберіть сервер, якщо дані спільні для кількох ПК.</translation>
    </message>
    <message>
        <source>Preparing the database...</source>
        <translation>Підготовка бази даних…</translation>
    </message>
    <message>
        <source>The password was not saved: there is no password store on this computer.</source>
        <translation>Пароль не збережено: на цьому комп’ютері немає сховища паролів.</translation>
    </message>
    <message>
        <source>The password is saved in the system&apos;s password store.</source>
        <translation>Пароль збережено в системному сховищі паролів.</translation>
    </message>
</context>
<context>
    <name>DatabaseView</name>
    <message>
        <source>Refresh</source>
        <translation>Оновити</translation>
    </message>
    <message>
        <source>Check the database</source>
        <translation>Перевірити базу даних</translation>
    </message>
    <message>
        <source>Optimise</source>
        <translation>Оптимізувати</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Скасувати</translation>
    </message>
    <message>
        <source>Remove old data...</source>
        <translation>Видалити старі дані...</translation>
    </message>
    <message>
        <source>At a glance</source>
        <translation>Коротко</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>База даних</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Де</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Розмір</translation>
    </message>
    <message>
        <source>Free disk space</source>
        <translation>Вільне місце на диску</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>Тека резервних копій</translation>
    </message>
    <message>
        <source>Punches</source>
        <translation>Відмітки</translation>
    </message>
    <message>
        <source>Last backup</source>
        <translation>Остання резервна копія</translation>
    </message>
    <message>
        <source>Last check</source>
        <translation>Остання перевірка</translation>
    </message>
    <message>
        <source>Last optimisation</source>
        <translation>Остання оптимізація</translation>
    </message>
    <message>
        <source>Integrity check</source>
        <translation>Перевірка цілісності</translation>
    </message>
    <message>
        <source>Reads the whole database and checks the program&apos;s own rules. Safe while terminals punch.</source>
        <translation>Читає всю базу даних і перевіряє власні правила програми. Безпечно, поки термінали приймають відмітки.</translation>
    </message>
    <message>
        <source>Optimisation</source>
        <translation>Оптимізація</translation>
    </message>
    <message>
        <source>Refreshes statistics and gives unused space back. Rebuilding the file pauses punching for a while: run it when the office is quiet.</source>
        <translation>Оновлює статистику й повертає невикористане місце. Поки файл перебудовується, відмітки на деякий час призупиняються: запускайте, коли в офісі тихо.</translation>
    </message>
    <message>
        <source>Removing old data</source>
        <translation>Видалення старих даних</translation>
    </message>
    <message>
        <source>Archives old punches and audit entries to a file, checks it, then removes them.</source>
        <translation>Архівує старі відмітки й записи журналу аудиту у файл, перевіряє його, а тоді видаляє їх.</translation>
    </message>
    <message>
        <source>New records per month</source>
        <translation>Нові записи за місяцями</translation>
    </message>
    <message>
        <source>{0} ({1} could be given back)</source>
        <translation>{0} (можна звільнити {1})</translation>
    </message>
    <message>
        <source>on the database server</source>
        <translation>на сервері бази даних</translation>
    </message>
    <message>
        <source>{0} ({1} free)</source>
        <translation>{0} (вільно {1})</translation>
    </message>
    <message>
        <source>{0} from {1} to {2}</source>
        <translation>{0} з {1} до {2}</translation>
    </message>
    <message>
        <source>never</source>
        <translation>ніколи</translation>
    </message>
    <message>
        <source>Checking the database...</source>
        <translation>Перевірка бази даних...</translation>
    </message>
    <message>
        <source>The database is healthy: every check passed.</source>
        <translation>База даних справна: усі перевірки пройдено.</translation>
    </message>
    <message>
        <source>Problems found: {0}. What to do: stop the program on the other computers and the service, then restore the last good backup on the Backups page (a backup made before the problem began). Keep a copy of the damaged database for support.</source>
        <translation>Знайдено проблеми: {0}. Що робити: закрийте програму на інших комп’ютерах і зупиніть службу, потім відновіть останню справну резервну копію на сторінці «Резервні копії» (копію, зроблену до появи проблеми). Збережіть копію пошкодженої бази даних для підтримки.</translation>
    </message>
    <message>
        <source>Technical details (for support):</source>
        <translation>Технічні подробиці (для підтримки):</translation>
    </message>
    <message>
        <source>Optimising...</source>
        <translation>Оптимізація...</translation>
    </message>
    <message>
        <source>Step {0} of {1}: {2}</source>
        <translation>Крок {0} з {1}: {2}</translation>
    </message>
    <message>
        <source>Cancelling after the current step...</source>
        <translation>Скасування після поточного кроку...</translation>
    </message>
    <message>
        <source>The file was rebuilt.</source>
        <translation>Файл перебудовано.</translation>
    </message>
    <message>
        <source>The file was not rebuilt: there was little space to win.</source>
        <translation>Файл не перебудовано: звільнити можна було небагато.</translation>
    </message>
    <message>
        <source>The file was not rebuilt: it needs {0} of free disk space near the database and in the temporary folder. Free some space and try again.</source>
        <translation>Файл не перебудовано: потрібно {0} вільного місця на диску біля бази даних і в тимчасовій теці. Звільніть місце й спробуйте ще раз.</translation>
    </message>
    <message>
        <source>The tables were rebuilt on the server.</source>
        <translation>Таблиці перебудовано на сервері.</translation>
    </message>
    <message>
        <source>The file was not rebuilt.</source>
        <translation>Файл не перебудовано.</translation>
    </message>
    <message>
        <source>Cancelled after {0} steps; nothing is half done.</source>
        <translation>Скасовано після кроків: {0}; нічого не залишилося напівзробленим.</translation>
    </message>
    <message>
        <source>Done: {0} before, {1} after.</source>
        <translation>Готово: було {0}, стало {1}.</translation>
    </message>
</context>
<context>
    <name>DeskReaderBridge</name>
    <message>
        <source>no reader connected</source>
        <translation>не підключено</translation>
    </message>
    <message>
        <source>Connect the reader; it is found at once.</source>
        <translation>Під’єднайте зчитувач: його буде знайдено одразу.</translation>
    </message>
    <message>
        <source>The smart card service does not answer ({0}). Connect the reader; it is found at once.</source>
        <translation>Служба смарт-карток не відповідає ({0}). Під&apos;єднайте зчитувач: його буде знайдено одразу.</translation>
    </message>
</context>
<context>
    <name>DetailWords</name>
    <message>
        <source>Employee no.</source>
        <translation>Працівник №</translation>
    </message>
    <message>
        <source>Employees</source>
        <translation>Працівники</translation>
    </message>
    <message>
        <source>Badge no.</source>
        <translation>Бейдж №</translation>
    </message>
    <message>
        <source>Terminal no.</source>
        <translation>Термінал №</translation>
    </message>
    <message>
        <source>Punch no.</source>
        <translation>Відмітка №</translation>
    </message>
    <message>
        <source>Correction no.</source>
        <translation>Виправлення №</translation>
    </message>
    <message>
        <source>Undo no.</source>
        <translation>Скасування №</translation>
    </message>
    <message>
        <source>Command no.</source>
        <translation>Команда №</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Час</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>День</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Дні</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Напрямок</translation>
    </message>
    <message>
        <source>Direction rule</source>
        <translation>Правило напрямку</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Значення</translation>
    </message>
    <message>
        <source>Value read</source>
        <translation>Зчитане значення</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Назва</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>ПІБ</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Посада</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Коментар</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Активний</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Ім&apos;я користувача</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Ключ</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Стан</translation>
    </message>
    <message>
        <source>Via</source>
        <translation>Спосіб</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Джерело</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Графік</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>Серійний номер</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>IP-адреса</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Часовий пояс</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Команда</translation>
    </message>
    <message>
        <source>From</source>
        <translation>З</translation>
    </message>
    <message>
        <source>To</source>
        <translation>По</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Помилка</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Рядків</translation>
    </message>
    <message>
        <source>Punches</source>
        <translation>Відмітки</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Період</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Фільтр</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Формат</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Розташування</translation>
    </message>
    <message>
        <source>Enrollment open until</source>
        <translation>Реєстрацію відкрито до</translation>
    </message>
    <message>
        <source>Failed logins</source>
        <translation>Невдалі входи</translation>
    </message>
    <message>
        <source>Locked until</source>
        <translation>Заблоковано до</translation>
    </message>
    <message>
        <source>Retry after (s)</source>
        <translation>Повторити через (с)</translation>
    </message>
    <message>
        <source>Terminal no. in the request</source>
        <translation>Термінал № у запиті</translation>
    </message>
    <message>
        <source>Safety backup</source>
        <translation>Страхувальна резервна копія</translation>
    </message>
    <message>
        <source>Database version</source>
        <translation>Версія бази даних</translation>
    </message>
    <message>
        <source>Program version</source>
        <translation>Версія програми</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Висновок</translation>
    </message>
    <message>
        <source>Full check</source>
        <translation>Повна перевірка</translation>
    </message>
    <message>
        <source>Failed checks</source>
        <translation>Невдалі перевірки</translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation>Секунди</translation>
    </message>
    <message>
        <source>Size before (bytes)</source>
        <translation>Розмір до (байти)</translation>
    </message>
    <message>
        <source>Size after (bytes)</source>
        <translation>Розмір після (байти)</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Кроки</translation>
    </message>
    <message>
        <source>File rebuilt</source>
        <translation>Файл перебудовано</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Скасовано</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Документ</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Примітка</translation>
    </message>
</context>
<context>
    <name>DeviceDialog</name>
    <message>
        <source>Approve ZKTeco device {0}</source>
        <translation>Схвалити пристрій ZKTeco {0}</translation>
    </message>
    <message>
        <source>ZKTeco device {0}</source>
        <translation>Пристрій ZKTeco {0}</translation>
    </message>
    <message>
        <source>Office time zone ({0})</source>
        <translation>Часовий пояс офісу ({0})</translation>
    </message>
    <message>
        <source>The device&apos;s IN/OUT status key</source>
        <translation>Клавіша стану на пристрої (вхід/вихід)</translation>
    </message>
    <message>
        <source>The server decides (alternates IN and OUT)</source>
        <translation>Визначає сервер (вхід і вихід почергово)</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Схвалити</translation>
    </message>
    <message>
        <source>Terminal name:</source>
        <translation>Назва термінала:</translation>
    </message>
    <message>
        <source>Time zone:</source>
        <translation>Часовий пояс:</translation>
    </message>
    <message>
        <source>IN/OUT:</source>
        <translation>Вхід/вихід:</translation>
    </message>
</context>
<context>
    <name>DevicePanel</name>
    <message>
        <source>Serial number:</source>
        <translation>Серійний номер:</translation>
    </message>
    <message>
        <source>Last seen:</source>
        <translation>Востаннє на зв’язку:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Адреса:</translation>
    </message>
    <message>
        <source>Firmware:</source>
        <translation>Прошивка:</translation>
    </message>
    <message>
        <source>Time zone:</source>
        <translation>Часовий пояс:</translation>
    </message>
    <message>
        <source>IN/OUT:</source>
        <translation>Вхід/вихід:</translation>
    </message>
    <message>
        <source>On the device:</source>
        <translation>На пристрої:</translation>
    </message>
    <message>
        <source>Re-approve...</source>
        <translation>Підтвердити знову...</translation>
    </message>
    <message>
        <source>Commands and the device&apos;s answers:</source>
        <translation>Команди та відповіді пристрою:</translation>
    </message>
    <message>
        <source>Settings...</source>
        <translation>Налаштування...</translation>
    </message>
    <message>
        <source>Set time</source>
        <translation>Встановити час</translation>
    </message>
    <message>
        <source>Upload users</source>
        <translation>Передати працівників</translation>
    </message>
    <message>
        <source>Requests with this serial number came from {0}, but the device was approved at {1}: they are refused. If the device was moved, re-approve it at its new address.</source>
        <translation>Запити з цим серійним номером надійшли з {0}, але пристрій схвалено за адресою {1}: їх відхилено. Якщо пристрій перенесли, підтвердьте його знову за новою адресою.</translation>
    </message>
    <message>
        <source>The device presented another comm key than the approved one: it is refused. If the key was changed on the device, re-approve it.</source>
        <translation>Пристрій надіслав інший ключ зв’язку, ніж схвалений: його відхилено. Якщо ключ на пристрої змінили, підтвердьте пристрій знову.</translation>
    </message>
    <message>
        <source>{0} (refused from {1})</source>
        <translation>{0} (відхилено з {1})</translation>
    </message>
    <message>
        <source>Reboot</source>
        <translation>Перезавантажити</translation>
    </message>
    <message>
        <source>Clear logs...</source>
        <translation>Очистити журнал...</translation>
    </message>
    <message>
        <source>Reboot...</source>
        <translation>Перезавантажити...</translation>
    </message>
    <message>
        <source>Reload all logs...</source>
        <translation>Отримати весь журнал...</translation>
    </message>
    <message>
        <source>This device was rejected: its requests are refused.</source>
        <translation>Цей пристрій відхилено: його запити відхиляються.</translation>
    </message>
    <message>
        <source>The terminal is deactivated: the device is refused until you activate it.</source>
        <translation>Термінал деактивовано: пристрою відмовлятимуть, доки ви його не активуєте.</translation>
    </message>
    <message>
        <source>ZKTeco device {0}</source>
        <translation>Пристрій ZKTeco {0}</translation>
    </message>
    <message>
        <source>online</source>
        <translation>онлайн</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>офлайн</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>невідома</translation>
    </message>
    <message>
        <source>not reported yet</source>
        <translation>ще не повідомлено</translation>
    </message>
    <message>
        <source>Office time zone ({0})</source>
        <translation>Часовий пояс офісу ({0})</translation>
    </message>
    <message>
        <source>the device&apos;s status key</source>
        <translation>клавіша стану на пристрої</translation>
    </message>
    <message>
        <source>the server decides</source>
        <translation>визначає сервер</translation>
    </message>
    <message numerus="yes">
        <source>%n punch(es)</source>
        <translation>
            <numerusform>%n відмітка</numerusform>
            <numerusform>%n відмітки</numerusform>
            <numerusform>%n відміток</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n user(s)</source>
        <translation>
            <numerusform>%n працівник</numerusform>
            <numerusform>%n працівники</numerusform>
            <numerusform>%n працівників</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n command(s) queued; the device picks them up at its next poll.</source>
        <translation>
            <numerusform>%n команду поставлено в чергу; пристрій забере її під час наступного звернення.</numerusform>
            <numerusform>%n команди поставлено в чергу; пристрій забере їх під час наступного звернення.</numerusform>
            <numerusform>%n команд поставлено в чергу; пристрій забере їх під час наступного звернення.</numerusform>
        </translation>
    </message>
    <message>
        <source>Erase every punch stored on the device {0}? Punches already received here are kept; punches the device has not sent yet are lost.</source>
        <translation>Стерти всі відмітки, збережені на пристрої {0}? Відмітки, уже отримані тут, залишаться; ті, які пристрій ще не надіслав, буде втрачено.</translation>
    </message>
    <message>
        <source>Clear logs</source>
        <translation>Очищення журналу</translation>
    </message>
    <message>
        <source>Restart the device {0}? Nobody can clock in or out on it for about a minute; punches stored on it are kept and sent afterwards.</source>
        <translation>Перезавантажити пристрій {0}? Близько хвилини на ньому не можна буде відмітитися; збережені на ньому відмітки залишаться й будуть надіслані потім.</translation>
    </message>
    <message>
        <source>Ask the device {0} to send its whole log again? Punches already stored are not stored twice; a long log takes a while.</source>
        <translation>Попросити пристрій {0} надіслати весь журнал знову? Уже збережені відмітки не буде записано двічі; довгий журнал надходить певний час.</translation>
    </message>
    <message>
        <source>Reload all logs</source>
        <translation>Отримати весь журнал</translation>
    </message>
    <message>
        <source>Settings of {0} saved.</source>
        <translation>Налаштування {0} збережено.</translation>
    </message>
</context>
<context>
    <name>EmployeeDialog</name>
    <message>
        <source>New employee</source>
        <translation>Новий працівник</translation>
    </message>
    <message>
        <source>Edit employee</source>
        <translation>Редагування працівника</translation>
    </message>
    <message>
        <source>e.g. 04A1B2C3 (optional)</source>
        <translation>напр. 04A1B2C3 (необов’язково)</translation>
    </message>
    <message>
        <source>e.g. EMP-1A2B3C4D (optional)</source>
        <translation>напр. EMP-1A2B3C4D (необов’язково)</translation>
    </message>
    <message>
        <source>e.g. 1024 (optional)</source>
        <translation>напр. 1024 (необов’язково)</translation>
    </message>
    <message>
        <source>The number the employee types, or that is mapped, on ZKTeco terminals.</source>
        <translation>Номер, який працівник вводить на терміналах ZKTeco або який йому там призначено.</translation>
    </message>
    <message>
        <source>Full name:</source>
        <translation>ПІБ:</translation>
    </message>
    <message>
        <source>Position:</source>
        <translation>Посада:</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>Примітка:</translation>
    </message>
    <message>
        <source>Card UID:</source>
        <translation>UID картки:</translation>
    </message>
    <message>
        <source>Phone badge:</source>
        <translation>Бейдж телефону:</translation>
    </message>
    <message>
        <source>Terminal PIN:</source>
        <translation>PIN для термінала:</translation>
    </message>
</context>
<context>
    <name>EmployeeTableModel</name>
    <message>
        <source>Full name</source>
        <translation>ПІБ</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Посада</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Стан</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>№</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Активний</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>Деактивовано</translation>
    </message>
</context>
<context>
    <name>EmployeesView</name>
    <message>
        <source>Search by name, position...</source>
        <translation>Пошук за іменем, посадою…</translation>
    </message>
    <message>
        <source>Show deactivated</source>
        <translation>Показати деактивованих</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Додати</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Змінити</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>Деактивувати</translation>
    </message>
    <message>
        <source>Import...</source>
        <translation>Імпорт…</translation>
    </message>
    <message>
        <source>Badges</source>
        <translation>Бейджі</translation>
    </message>
    <message>
        <source>Absences</source>
        <translation>Відсутності</translation>
    </message>
    <message>
        <source>Loading...</source>
        <translation>Завантаження…</translation>
    </message>
    <message numerus="yes">
        <source>%n active employee(s)</source>
        <translation>
            <numerusform>%n активний працівник</numerusform>
            <numerusform>%n активні працівники</numerusform>
            <numerusform>%n активних працівників</numerusform>
        </translation>
    </message>
    <message>
        <source>Activate</source>
        <translation>Активувати</translation>
    </message>
    <message>
        <source>Who is this?</source>
        <translation>Чий це бейдж?</translation>
    </message>
</context>
<context>
    <name>EnrollBadgeDialog</name>
    <message>
        <source>Enroll a badge for {0}</source>
        <translation>Реєстрація бейджа: {0}</translation>
    </message>
    <message>
        <source>%v s left</source>
        <translation>залишилось %v с</translation>
    </message>
    <message>
        <source>Enroll</source>
        <translation>Зареєструвати</translation>
    </message>
    <message>
        <source>Reassign to this employee...</source>
        <translation>Передати цьому працівникові...</translation>
    </message>
    <message>
        <source>Read another badge</source>
        <translation>Прочитати інший бейдж</translation>
    </message>
    <message>
        <source>Enter by hand...</source>
        <translation>Ввести вручну...</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Скасувати</translation>
    </message>
    <message>
        <source>Tap the card or the phone with the badge app on the reader {0}...</source>
        <translation>Прикладіть картку або телефон із застосунком бейджа до зчитувача {0}...</translation>
    </message>
    <message>
        <source>No desk reader is connected. Connect a USB NFC reader (it is found at once), or enter the card UID or the phone badge code by hand.</source>
        <translation>Настільний зчитувач не підключено. Підключіть USB NFC-зчитувач (його буде знайдено одразу) або введіть UID картки чи код бейджа телефона вручну.</translation>
    </message>
    <message>
        <source>Wait again</source>
        <translation>Чекати знову</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрити</translation>
    </message>
    <message>
        <source>No badge was tapped in time.</source>
        <translation>За відведений час бейдж не приклали.</translation>
    </message>
    <message>
        <source>Checking who holds this badge...</source>
        <translation>Перевіряємо, чий це бейдж...</translation>
    </message>
    <message>
        <source>nobody yet</source>
        <translation>поки нікому</translation>
    </message>
    <message>
        <source>Nobody holds this badge yet. Enroll it for {0}?</source>
        <translation>Цей бейдж поки нікому не належить. Зареєструвати його для працівника «{0}»?</translation>
    </message>
    <message>
        <source>This badge belongs to {0}. It can be enrolled for {1} only by reassigning it to them.</source>
        <translation>Власник цього бейджа: {0}. Зареєструвати його для працівника «{1}» можна лише передавши йому бейдж.</translation>
    </message>
    <message>
        <source>This phone is already enrolled for {0}. Save its key?</source>
        <translation>Цей телефон уже зареєстровано для працівника «{0}». Зберегти його ключ?</translation>
    </message>
    <message>
        <source>This card is already enrolled for {0}.</source>
        <translation>Цю картку вже зареєстровано для працівника «{0}».</translation>
    </message>
    <message>
        <source>Reassign the badge</source>
        <translation>Передати бейдж</translation>
    </message>
    <message>
        <source>Take this badge from {0} and give it to {1}? {0} will no longer be able to use it.</source>
        <translation>Забрати цей бейдж у працівника «{0}» і передати працівникові «{1}»? «{0}» більше не зможе ним користуватися.</translation>
    </message>
    <message>
        <source>Reassign</source>
        <translation>Передати</translation>
    </message>
    <message>
        <source>Saving...</source>
        <translation>Збереження...</translation>
    </message>
    <message>
        <source>Enrolled for {0}.</source>
        <translation>Зареєстровано для працівника «{0}».</translation>
    </message>
    <message>
        <source>Reassigned to {0}; the previous holder can no longer use it.</source>
        <translation>Передано працівникові «{0}»; попередній власник більше не може ним користуватися.</translation>
    </message>
    <message>
        <source>Already enrolled for {0}; nothing changed.</source>
        <translation>Уже зареєстровано для працівника «{0}»; нічого не змінено.</translation>
    </message>
    <message>
        <source>The phone&apos;s verified key was saved for {0}.</source>
        <translation>Перевірений ключ телефона збережено для працівника «{0}».</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>TimeTracker Desktop: error</source>
        <translation>TimeTracker Desktop: помилка</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Копіювати подробиці</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Повторити</translation>
    </message>
</context>
<context>
    <name>ErrorMessages</name>
    <message>
        <source>The change conflicts with data saved meanwhile. Reload and try again.</source>
        <translation>Зміна суперечить даним, збереженим тим часом. Оновіть і спробуйте ще раз.</translation>
    </message>
    <message>
        <source>Something went wrong. The details below help the developers.</source>
        <translation>Щось пішло не так. Подробиці нижче допоможуть розробникам.</translation>
    </message>
</context>
<context>
    <name>EventLogModel</name>
    <message>
        <source>Time</source>
        <translation>Час</translation>
    </message>
    <message>
        <source>Employee</source>
        <translation>Працівник</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Напрямок</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Джерело</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>Термінал</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Примітки</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>terminal</source>
        <translation>термінал</translation>
    </message>
    <message>
        <source>manual</source>
        <translation>вручну</translation>
    </message>
    <message>
        <source>import</source>
        <translation>імпорт</translation>
    </message>
</context>
<context>
    <name>EventsView</name>
    <message>
        <source>Refresh</source>
        <translation>Оновити</translation>
    </message>
    <message>
        <source>Manual punch...</source>
        <translation>Ручна відмітка...</translation>
    </message>
    <message>
        <source>Void...</source>
        <translation>Анулювати...</translation>
    </message>
    <message>
        <source>Set direction...</source>
        <translation>Напрямок...</translation>
    </message>
    <message>
        <source>Undo...</source>
        <translation>Скасувати...</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>З:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>По:</translation>
    </message>
    <message>
        <source>Employee:</source>
        <translation>Працівник:</translation>
    </message>
    <message>
        <source>Terminal:</source>
        <translation>Термінал:</translation>
    </message>
    <message>
        <source>Punch log</source>
        <translation>Журнал відміток</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Непризначені</translation>
    </message>
    <message>
        <source>All employees</source>
        <translation>Усі працівники</translation>
    </message>
    <message>
        <source>All terminals</source>
        <translation>Усі термінали</translation>
    </message>
    <message>
        <source>Loading...</source>
        <translation>Завантаження...</translation>
    </message>
    <message numerus="yes">
        <source>%n punch(es) shown</source>
        <translation>
            <numerusform>Показано %n відмітку</numerusform>
            <numerusform>Показано %n відмітки</numerusform>
            <numerusform>Показано %n відміток</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} of %n punch(es) shown</source>
        <translation>
            <numerusform>Показано {0} з %n відмітки</numerusform>
            <numerusform>Показано {0} з %n відміток</numerusform>
            <numerusform>Показано {0} з %n відміток</numerusform>
        </translation>
    </message>
    <message>
        <source>This punch has no correction to undo.</source>
        <translation>Ця відмітка не має виправлень, які можна скасувати.</translation>
    </message>
    <message>
        <source>Unassigned ({0})</source>
        <translation>Непризначені ({0})</translation>
    </message>
</context>
<context>
    <name>FirewallOffer</name>
    <message>
        <source>Windows Firewall may block terminals.</source>
        <translation>Брандмауер Windows може блокувати термінали.</translation>
    </message>
    <message>
        <source>Allow terminals through the firewall</source>
        <translation>Дозволити термінали в брандмауері</translation>
    </message>
    <message>
        <source>Adds the rule for this program; Windows asks for an administrator.</source>
        <translation>Додає правило для цієї програми; Windows попросить дозволу адміністратора.</translation>
    </message>
    <message>
        <source>{0} Terminals then cannot reach port {1} of this PC.</source>
        <translation>{0} Тоді термінали не можуть достукатися до порту {1} цього ПК.</translation>
    </message>
    <message>
        <source>Waiting for the administrator&apos;s approval...</source>
        <translation>Очікування дозволу адміністратора...</translation>
    </message>
    <message>
        <source>The rule was added, but terminals may still be blocked.</source>
        <translation>Правило додано, але термінали все ще можуть бути заблоковані.</translation>
    </message>
    <message>
        <source>Not changed: Windows did not get an administrator&apos;s approval.</source>
        <translation>Нічого не змінено: Windows не отримала дозволу адміністратора.</translation>
    </message>
    <message>
        <source>The firewall rule could not be added: {0}</source>
        <translation>Не вдалося додати правило брандмауера: {0}</translation>
    </message>
    <message>
        <source>The firewall rule could not be added; details are in gui.log.</source>
        <translation>Правило брандмауера не вдалося додати; подробиці — у gui.log.</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>TimeTracker Desktop: first start</source>
        <translation>TimeTracker Desktop: перший запуск</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <source>{0} min</source>
        <translation>{0} хв</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Довідка</translation>
    </message>
    <message>
        <source>Copy diagnostics</source>
        <translation>Копіювати діагностику</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>Відкрити папку журналів</translation>
    </message>
    <message>
        <source>About TimeTracker Desktop</source>
        <translation>Про TimeTracker Desktop</translation>
    </message>
    <message>
        <source>Diagnostics copied to the clipboard: paste them into your message to support.</source>
        <translation>Діагностику скопійовано: вставте її в лист до підтримки.</translation>
    </message>
    <message>
        <source>The log folder is {0}</source>
        <translation>Папка журналів: {0}</translation>
    </message>
    <message>
        <source>&lt;b&gt;TimeTracker Desktop {0}&lt;/b&gt;&lt;br&gt;Office time and attendance.&lt;br&gt;&lt;br&gt;Python {1}, Qt {2}, PySide6 {3}&lt;br&gt;Database: {4}</source>
        <translation>&lt;b&gt;TimeTracker Desktop {0}&lt;/b&gt;&lt;br&gt;Облік робочого часу в офісі.&lt;br&gt;&lt;br&gt;Python {1}, Qt {2}, PySide6 {3}&lt;br&gt;База даних: {4}</translation>
    </message>
</context>
<context>
    <name>HolidayDialog</name>
    <message>
        <source>Holiday</source>
        <translation>Свято</translation>
    </message>
    <message>
        <source>e.g. Independence Day</source>
        <translation>напр. День Незалежності</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Дата:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Назва:</translation>
    </message>
</context>
<context>
    <name>HolidayTableModel</name>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Holiday</source>
        <translation>Свято</translation>
    </message>
</context>
<context>
    <name>HolidaysPanel</name>
    <message>
        <source>Add...</source>
        <translation>Додати...</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Видалити</translation>
    </message>
    <message>
        <source>Holidays of {0}</source>
        <translation>Свята {0} року</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import employees</source>
        <translation>Імпорт працівників</translation>
    </message>
    <message>
        <source>A CSV (UTF-8 or Windows-1251, comma or semicolon) or XLSX file whose first row is: full_name, position, card_uid, phone_code. Only full_name is required.</source>
        <translation>Файл CSV (UTF-8 або Windows-1251, розділювач кома чи крапка з комою) або XLSX, перший рядок якого: full_name, position, card_uid, phone_code. Обов’язковий лише full_name.</translation>
    </message>
    <message>
        <source>No file chosen.</source>
        <translation>Файл не вибрано.</translation>
    </message>
    <message>
        <source>Choose file...</source>
        <translation>Вибрати файл…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Імпортувати</translation>
    </message>
    <message>
        <source>Tables (*.csv *.xlsx)</source>
        <translation>Таблиці (*.csv *.xlsx)</translation>
    </message>
    <message>
        <source>Reading...</source>
        <translation>Читання…</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) ready to import.</source>
        <translation>
            <numerusform>%n рядок готовий до імпорту.</numerusform>
            <numerusform>%n рядки готові до імпорту.</numerusform>
            <numerusform>%n рядків готові до імпорту.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) have problems: fix the file and choose it again.</source>
        <translation>
            <numerusform>%n рядок має помилки: виправте файл і виберіть його знову.</numerusform>
            <numerusform>%n рядки мають помилки: виправте файл і виберіть його знову.</numerusform>
            <numerusform>%n рядків мають помилки: виправте файл і виберіть його знову.</numerusform>
        </translation>
    </message>
    <message>
        <source>The first row must name the columns; full_name is missing. Found: {0}</source>
        <translation>Перший рядок має містити назви стовпців; бракує full_name. Знайдено: {0}</translation>
    </message>
    <message>
        <source>The file has no rows.</source>
        <translation>У файлі немає рядків.</translation>
    </message>
    <message>
        <source>The file has more than {0} rows.</source>
        <translation>У файлі понад {0} рядків.</translation>
    </message>
    <message>
        <source>UTF-8</source>
        <translation>UTF-8</translation>
    </message>
    <message>
        <source>UTF-8 with BOM</source>
        <translation>UTF-8 з BOM</translation>
    </message>
    <message>
        <source>Windows-1251 (cp1251)</source>
        <translation>Windows-1251 (cp1251)</translation>
    </message>
    <message>
        <source>comma (,)</source>
        <translation>кома (,)</translation>
    </message>
    <message>
        <source>semicolon (;)</source>
        <translation>крапка з комою (;)</translation>
    </message>
    <message>
        <source>Read as {0}, separator: {1}.</source>
        <translation>Прочитано як {0}, розділювач: {1}.</translation>
    </message>
    <message>
        <source>The CSV file is neither UTF-8 nor Windows-1251. Save it as &quot;CSV UTF-8&quot; and try again.</source>
        <translation>Файл CSV не в кодуванні UTF-8 і не в Windows-1251. Збережіть його як «CSV UTF-8» і спробуйте знову.</translation>
    </message>
    <message>
        <source>The file cannot be read: {0}</source>
        <translation>Не вдається прочитати файл: {0}</translation>
    </message>
    <message>
        <source>Importing...</source>
        <translation>Імпорт…</translation>
    </message>
    <message numerus="yes">
        <source>%n employee(s) imported.</source>
        <translation>
            <numerusform>Імпортовано %n працівника.</numerusform>
            <numerusform>Імпортовано %n працівники.</numerusform>
            <numerusform>Імпортовано %n працівників.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing was imported: %n row(s) conflict with saved data.</source>
        <translation>
            <numerusform>Нічого не імпортовано: %n рядок суперечить збереженим даним.</numerusform>
            <numerusform>Нічого не імпортовано: %n рядки суперечать збереженим даним.</numerusform>
            <numerusform>Нічого не імпортовано: %n рядків суперечать збереженим даним.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportPreviewModel</name>
    <message>
        <source>Line</source>
        <translation>Рядок</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>ПІБ</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Посада</translation>
    </message>
    <message>
        <source>Card UID</source>
        <translation>UID картки</translation>
    </message>
    <message>
        <source>Phone badge</source>
        <translation>Бейдж телефону</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Помилки</translation>
    </message>
</context>
<context>
    <name>LatenessChart</name>
    <message>
        <source>Lateness per employee</source>
        <translation>Запізнення за працівниками</translation>
    </message>
    <message>
        <source>minutes late</source>
        <translation>хвилин запізнення</translation>
    </message>
</context>
<context>
    <name>LegacyCountsModel</name>
    <message>
        <source>Kind</source>
        <translation>Що</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Знайдено</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Нових</translation>
    </message>
    <message>
        <source>Imported before</source>
        <translation>Імпортовано раніше</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Пропущено</translation>
    </message>
</context>
<context>
    <name>LegacyImportWizard</name>
    <message>
        <source>Import from the legacy server</source>
        <translation>Імпорт зі старого сервера</translation>
    </message>
</context>
<context>
    <name>LegacyIssuesModel</name>
    <message>
        <source>Kind</source>
        <translation>Що</translation>
    </message>
    <message>
        <source>Legacy id</source>
        <translation>Старий id</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Чому</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Рядків</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Подробиці</translation>
    </message>
</context>
<context>
    <name>LegacyPreviewPage</name>
    <message>
        <source>What will come over</source>
        <translation>Що буде перенесено</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Імпортувати</translation>
    </message>
    <message>
        <source>From {0}. Nothing is written until you press Import.</source>
        <translation>З {0}. Нічого не записується, доки ви не натиснете «Імпортувати».</translation>
    </message>
    <message>
        <source>Importing... this may take a few minutes for many events.</source>
        <translation>Імпорт... з великою кількістю подій це може тривати кілька хвилин.</translation>
    </message>
</context>
<context>
    <name>LegacyReportPage</name>
    <message>
        <source>Import finished</source>
        <translation>Імпорт завершено</translation>
    </message>
    <message>
        <source>Running the import again later brings only what is new.</source>
        <translation>Повторний імпорт згодом перенесе лише нове.</translation>
    </message>
</context>
<context>
    <name>LegacyReportPanel</name>
    <message>
        <source>{0} new rows will be imported; {1} were imported before; {2} cannot be imported.</source>
        <translation>Буде імпортовано нових рядків: {0}; імпортовано раніше: {1}; не можна імпортувати: {2}.</translation>
    </message>
    <message>
        <source>{0} new rows imported; {1} were imported before; {2} could not be imported.</source>
        <translation>Імпортовано нових рядків: {0}; імпортовано раніше: {1}; не вдалося імпортувати: {2}.</translation>
    </message>
    <message>
        <source>Left out as demo data of the legacy server: {0}</source>
        <translation>Пропущено як демонстраційні дані старого сервера: {0}</translation>
    </message>
    <message>
        <source>Not imported, or not as it was, and why:</source>
        <translation>Що не імпортовано (або імпортовано зі змінами) і чому:</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>Проблем не знайдено.</translation>
    </message>
</context>
<context>
    <name>LegacySourcePage</name>
    <message>
        <source>The legacy database</source>
        <translation>База даних старого сервера</translation>
    </message>
    <message>
        <source>It is only read: nothing in it changes.</source>
        <translation>Вона лише читається: у ній нічого не змінюється.</translation>
    </message>
    <message>
        <source>SQLite file of the legacy server</source>
        <translation>Файл SQLite старого сервера</translation>
    </message>
    <message>
        <source>Choose...</source>
        <translation>Вибрати...</translation>
    </message>
    <message>
        <source>MySQL or MariaDB server</source>
        <translation>Сервер MySQL або MariaDB</translation>
    </message>
    <message>
        <source>Leave out the demo terminal &quot;Terminal #1&quot; and &quot;Test Employee&quot;</source>
        <translation>Пропустити демо-термінал «Terminal #1» і «Test Employee»</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Файл:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Адреса:</translation>
    </message>
    <message>
        <source>Reading the legacy database...</source>
        <translation>Читання бази старого сервера...</translation>
    </message>
    <message>
        <source>Choose the file or type the server address.</source>
        <translation>Виберіть файл або введіть адресу сервера.</translation>
    </message>
    <message>
        <source>The legacy database file</source>
        <translation>Файл бази старого сервера</translation>
    </message>
    <message>
        <source>SQLite (*.db *.sqlite *.sqlite3);;All files (*)</source>
        <translation>SQLite (*.db *.sqlite *.sqlite3);;Усі файли (*)</translation>
    </message>
</context>
<context>
    <name>LegacyWords</name>
    <message>
        <source>Users</source>
        <translation>Користувачі</translation>
    </message>
    <message>
        <source>Positions</source>
        <translation>Посади</translation>
    </message>
    <message>
        <source>Employees and badges</source>
        <translation>Працівники та бейджі</translation>
    </message>
    <message>
        <source>Terminals</source>
        <translation>Термінали</translation>
    </message>
    <message>
        <source>Events (punches)</source>
        <translation>Події (відмітки)</translation>
    </message>
    <message>
        <source>Schedule days</source>
        <translation>Дні графіка</translation>
    </message>
    <message>
        <source>Audit history</source>
        <translation>Історія аудиту</translation>
    </message>
    <message>
        <source>The card UID is not valid</source>
        <translation>Неправильний UID картки</translation>
    </message>
    <message>
        <source>The schedule entry is not understood</source>
        <translation>Незрозумілий запис графіка</translation>
    </message>
    <message>
        <source>Unknown direction</source>
        <translation>Невідомий напрямок</translation>
    </message>
    <message>
        <source>The name was corrected</source>
        <translation>Ім’я виправлено</translation>
    </message>
    <message>
        <source>The phone badge code is not valid</source>
        <translation>Неправильний код бейджа телефону</translation>
    </message>
    <message>
        <source>The badge already belongs to someone here</source>
        <translation>Бейдж уже належить комусь тут</translation>
    </message>
    <message>
        <source>This day is already planned here</source>
        <translation>Цей день тут уже заплановано</translation>
    </message>
    <message>
        <source>Demo data of the legacy server</source>
        <translation>Демонстраційні дані старого сервера</translation>
    </message>
    <message>
        <source>A UID of digits only: check the card</source>
        <translation>UID лише з цифр: перевірте картку</translation>
    </message>
    <message>
        <source>Its employee was not imported</source>
        <translation>Його працівника не імпортовано</translation>
    </message>
    <message>
        <source>An empty placeholder (00:00-00:00)</source>
        <translation>Порожня заглушка (00:00-00:00)</translation>
    </message>
    <message>
        <source>The terminal number is taken: the tablet needs a new QR</source>
        <translation>Номер термінала зайнятий: планшету потрібен новий QR</translation>
    </message>
    <message>
        <source>Imported as active</source>
        <translation>Імпортовано як активну</translation>
    </message>
    <message>
        <source>The phone key is not valid: the phone must enroll again</source>
        <translation>Ключ телефону недійсний: телефон має зареєструватися знову</translation>
    </message>
    <message>
        <source>A card cannot have a key: the key was dropped</source>
        <translation>Картка не може мати ключа: ключ відкинуто</translation>
    </message>
    <message>
        <source>The terminal key is already in use here</source>
        <translation>Ключ термінала тут уже використовується</translation>
    </message>
    <message>
        <source>The name is taken: renamed</source>
        <translation>Назва зайнята: перейменовано</translation>
    </message>
    <message>
        <source>No usable password: imported disabled</source>
        <translation>Немає придатного пароля: імпортовано вимкненим</translation>
    </message>
    <message>
        <source>Unknown role: became a viewer</source>
        <translation>Невідома роль: став переглядачем</translation>
    </message>
    <message>
        <source>The user exists here and was kept as it is</source>
        <translation>Користувач тут уже є і залишився без змін</translation>
    </message>
</context>
<context>
    <name>ListenerAddress</name>
    <message>
        <source>«{0}» is not an IP address. Enter 0.0.0.0 (all networks of this PC), 127.0.0.1 (this PC only) or an address of this PC such as {1}.</source>
        <translation>«{0}» — не IP-адреса. Введіть 0.0.0.0 (усі мережі цього ПК), 127.0.0.1 (лише цей ПК) або адресу цього ПК, наприклад {1}.</translation>
    </message>
    <message>
        <source>{0} is not an address of this PC. Enter 0.0.0.0 (all networks of this PC) or one of: {1}.</source>
        <translation>{0} — не адреса цього ПК. Введіть 0.0.0.0 (усі мережі цього ПК) або одну з адрес: {1}.</translation>
    </message>
    <message>
        <source>Choose a port from 1 to 65535.</source>
        <translation>Виберіть порт від 1 до 65535.</translation>
    </message>
</context>
<context>
    <name>ListenerControl</name>
    <message>
        <source>not started</source>
        <translation>не запущено</translation>
    </message>
    <message>
        <source>starting...</source>
        <translation>запускається...</translation>
    </message>
    <message>
        <source>running</source>
        <translation>працює</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>зупинено</translation>
    </message>
    <message>
        <source>waiting for the port, retrying...</source>
        <translation>чекає на порт, повторює спробу...</translation>
    </message>
    <message>
        <source>port in use</source>
        <translation>порт зайнятий</translation>
    </message>
    <message>
        <source>port not allowed by Windows</source>
        <translation>порт заборонений Windows</translation>
    </message>
    <message>
        <source>address not on this PC</source>
        <translation>адреса не цього ПК</translation>
    </message>
    <message>
        <source>no permission for the port</source>
        <translation>немає дозволу на порт</translation>
    </message>
    <message>
        <source>stopped, restarting...</source>
        <translation>зупинився, перезапускається...</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>не запустився</translation>
    </message>
    <message>
        <source>Terminals reach this PC at port {0}; their taps appear at once.</source>
        <translation>Термінали звертаються до цього ПК на порт {0}; їхні відмітки з’являються одразу.</translation>
    </message>
    <message>
        <source>The terminal listener is not running in this program.</source>
        <translation>Приймач терміналів не працює в цій програмі.</translation>
    </message>
    <message>
        <source>Port {0} is still held, perhaps by the connections of the listener that ran before (Windows releases them within 4 minutes). The listener waits for the port to be released and tries again every {1} s.</source>
        <translation>Порт {0} ще зайнятий, можливо, з&apos;єднаннями приймача, що працював раніше (Windows звільняє їх протягом 4 хвилин). Приймач чекає, доки порт звільниться, і пробує знову кожні {1} с.</translation>
    </message>
    <message>
        <source>Port {0} is used by another program, perhaps the TimeTracker service. Choose another port in Settings or stop that program. Taps stored by another listener still appear here within a few seconds.</source>
        <translation>Порт {0} зайнятий іншою програмою, можливо службою TimeTracker. Виберіть інший порт у Налаштуваннях або зупиніть ту програму. Відмітки, збережені іншим приймачем, усе одно з’являться тут за кілька секунд.</translation>
    </message>
    <message>
        <source>To find that program: netstat -ano -p tcp | findstr :{0} (its process id).</source>
        <translation>Щоб знайти ту програму: netstat -ano -p tcp | findstr :{0} (номер її процесу).</translation>
    </message>
    <message>
        <source>Windows does not allow port {0}: it may be reserved by Hyper-V, WSL or Docker (see: netsh interface ipv4 show excludedportrange protocol=tcp) or held by another program. Choose another port in Settings.</source>
        <translation>Windows не дозволяє порт {0}: його може бути зарезервовано для Hyper-V, WSL чи Docker (див.: netsh interface ipv4 show excludedportrange protocol=tcp) або утримує інша програма. Виберіть інший порт у Налаштуваннях.</translation>
    </message>
    <message>
        <source>{1} is not an address of this PC. Choose another address in Settings.</source>
        <translation>{1} не є адресою цього ПК. Виберіть іншу адресу в Налаштуваннях.</translation>
    </message>
    <message>
        <source>This PC does not allow listening on port {0}. Choose a port above 1024.</source>
        <translation>Цей ПК не дозволяє слухати порт {0}. Виберіть порт понад 1024.</translation>
    </message>
    <message>
        <source>The terminal listener stopped unexpectedly and is being started again; until then terminals cannot reach this PC. Details are in listener.log and listener-crash.log (Help &gt; Open log folder).</source>
        <translation>Приймач терміналів несподівано зупинився і запускається знову; доти термінали не можуть з’єднатися з цим ПК. Подробиці — у listener.log і listener-crash.log (Довідка &gt; Відкрити папку журналів).</translation>
    </message>
    <message>
        <source>The terminal listener could not start: {2}</source>
        <translation>Приймач терміналів не запустився: {2}</translation>
    </message>
</context>
<context>
    <name>ListenerTray</name>
    <message>
        <source>Open</source>
        <translation>Відкрити</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Вийти</translation>
    </message>
    <message>
        <source>the terminal listener is not running in this program</source>
        <translation>приймач терміналів не працює в цій програмі</translation>
    </message>
    <message>
        <source>listening for terminals on port {0}</source>
        <translation>приймає відмітки терміналів на порту {0}</translation>
    </message>
    <message>
        <source>starting the terminal listener...</source>
        <translation>запуск приймача терміналів...</translation>
    </message>
    <message>
        <source>the terminal listener is stopped</source>
        <translation>приймач терміналів зупинено</translation>
    </message>
    <message>
        <source>the terminal listener failed: {0}</source>
        <translation>збій приймача терміналів: {0}</translation>
    </message>
    <message>
        <source>TimeTracker Desktop: {0}</source>
        <translation>TimeTracker Desktop: {0}</translation>
    </message>
    <message>
        <source>TimeTracker Desktop keeps listening</source>
        <translation>TimeTracker Desktop працює далі</translation>
    </message>
    <message>
        <source>Terminals&apos; taps are still recorded. Double-click this icon to open the window.</source>
        <translation>Відмітки терміналів і далі записуються. Двічі клацніть цей значок, щоб відкрити вікно.</translation>
    </message>
</context>
<context>
    <name>LiveFeedModel</name>
    <message>
        <source>Time</source>
        <translation>Час</translation>
    </message>
    <message>
        <source>Employee</source>
        <translation>Працівник</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Напрямок</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>Термінал</translation>
    </message>
    <message>
        <source>manual</source>
        <translation>вручну</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>TimeTracker Desktop: log in</source>
        <translation>TimeTracker Desktop: вхід</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Увійти</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Ім’я користувача:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Пароль:</translation>
    </message>
    <message>
        <source>Checking...</source>
        <translation>Перевірка…</translation>
    </message>
</context>
<context>
    <name>MainStatusBar</name>
    <message>
        <source>Database: {0}</source>
        <translation>База даних: {0}</translation>
    </message>
    <message>
        <source>Terminals online: ...</source>
        <translation>Термінали онлайн: …</translation>
    </message>
    <message>
        <source>Health: ...</source>
        <translation>Стан: ...</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>не запущено</translation>
    </message>
    <message>
        <source>Listener {0}:{1}: {2}</source>
        <translation>Приймач {0}:{1}: {2}</translation>
    </message>
    <message>
        <source>All good</source>
        <translation>Усе гаразд</translation>
    </message>
    <message>
        <source>Backups, disk space, database checks and terminals are in order.</source>
        <translation>Резервні копії, місце на диску, перевірки бази даних і термінали в порядку.</translation>
    </message>
    <message numerus="yes">
        <source>%n need(s) attention</source>
        <translation>
            <numerusform>%n потребує уваги</numerusform>
            <numerusform>%n потребують уваги</numerusform>
            <numerusform>%n потребують уваги</numerusform>
        </translation>
    </message>
    <message>
        <source>Health: unknown (database unavailable)</source>
        <translation>Стан: невідомо (база даних недоступна)</translation>
    </message>
    <message>
        <source>Desk reader: {0}</source>
        <translation>Настільний зчитувач: {0}</translation>
    </message>
    <message>
        <source>no reader connected</source>
        <translation>не підключено</translation>
    </message>
    <message>
        <source>Terminals online: {0} of {1}</source>
        <translation>Термінали онлайн: {0} з {1}</translation>
    </message>
    <message>
        <source>Terminals online: unknown (database unavailable)</source>
        <translation>Термінали онлайн: невідомо (база даних недоступна)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>TimeTracker Desktop — {0}</source>
        <translation>TimeTracker Desktop — {0}</translation>
    </message>
</context>
<context>
    <name>ManualPunchDialog</name>
    <message>
        <source>Manual punch</source>
        <translation>Ручна відмітка</translation>
    </message>
    <message>
        <source>In</source>
        <translation>Прихід</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>Вихід</translation>
    </message>
    <message>
        <source>e.g. forgot to tap out</source>
        <translation>напр. забув відмітитися на виході</translation>
    </message>
    <message>
        <source>Employee:</source>
        <translation>Працівник:</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Дата:</translation>
    </message>
    <message>
        <source>Time:</source>
        <translation>Час:</translation>
    </message>
    <message>
        <source>Which one:</source>
        <translation>Котрий:</translation>
    </message>
    <message>
        <source>Direction:</source>
        <translation>Напрямок:</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Причина:</translation>
    </message>
    <message>
        <source>first ({0})</source>
        <translation>перший ({0})</translation>
    </message>
    <message>
        <source>second ({0})</source>
        <translation>другий ({0})</translation>
    </message>
</context>
<context>
    <name>MonthClosingBar</name>
    <message>
        <source>Close month...</source>
        <translation>Закрити місяць...</translation>
    </message>
    <message>
        <source>Reopen month...</source>
        <translation>Відкрити місяць знову...</translation>
    </message>
    <message>
        <source>{0}: open</source>
        <translation>{0}: відкритий</translation>
    </message>
    <message>
        <source>{0}: closed on {1} by {2}</source>
        <translation>{0}: закрито {1}, закрив(ла): {2}</translation>
    </message>
    <message>
        <source>{0}: reopened ({1})</source>
        <translation>{0}: відкрито знову ({1})</translation>
    </message>
    <message>
        <source>Close {0}? Punches, corrections and absences of the month can no longer be changed, and the timesheet as it is now is kept as the one handed over.</source>
        <translation>Закрити {0}? Відмітки, виправлення й відсутності цього місяця більше не можна буде змінити, а табель у теперішньому вигляді збережеться як переданий.</translation>
    </message>
    <message>
        <source>Close month</source>
        <translation>Закрити місяць</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>Today</source>
        <translation>Сьогодні</translation>
    </message>
    <message>
        <source>Employees</source>
        <translation>Працівники</translation>
    </message>
    <message>
        <source>Terminals</source>
        <translation>Термінали</translation>
    </message>
    <message>
        <source>Schedules</source>
        <translation>Графіки</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Події</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Звіти</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Користувачі</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Журнал аудиту</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Резервні копії</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>База даних</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Налаштування</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>New password for {0}</source>
        <translation>Новий пароль для {0}</translation>
    </message>
</context>
<context>
    <name>PendingDeviceModel</name>
    <message>
        <source>Serial number</source>
        <translation>Серійний номер</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Адреса</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>Уперше</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Востаннє</translation>
    </message>
    <message>
        <source>Punches held</source>
        <translation>Відміток на пристрої</translation>
    </message>
    <message>
        <source>{0} (approved at {1})</source>
        <translation>{0} (при схваленні була {1})</translation>
    </message>
    <message>
        <source>not reported yet</source>
        <translation>ще не повідомлено</translation>
    </message>
    <message>
        <source>The device keeps its punches until it is approved; this is the count it last reported.</source>
        <translation>Пристрій зберігає відмітки, доки його не схвалено; це кількість, яку він повідомив востаннє.</translation>
    </message>
</context>
<context>
    <name>PendingDevicesPanel</name>
    <message>
        <source>Approve...</source>
        <translation>Схвалити...</translation>
    </message>
    <message>
        <source>Reject...</source>
        <translation>Відхилити...</translation>
    </message>
    <message>
        <source>These ZKTeco devices called in with an unknown serial number, or (approved at another address) now call from a new one. They keep their punches until you approve them; a rejected device is refused.</source>
        <translation>Ці пристрої ZKTeco звернулися з невідомим серійним номером або (схвалені за іншою адресою) звертаються з нової. Вони зберігають відмітки, доки ви їх не схвалите; відхилений пристрій отримує відмову.</translation>
    </message>
    <message numerus="yes">
        <source>ZKTeco devices waiting for approval: %n</source>
        <translation>
            <numerusform>Пристрої ZKTeco, що чекають схвалення: %n</numerusform>
            <numerusform>Пристрої ZKTeco, що чекають схвалення: %n</numerusform>
            <numerusform>Пристрої ZKTeco, що чекають схвалення: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Approved as terminal {0}.</source>
        <translation>Схвалено як термінал {0}.</translation>
    </message>
    <message>
        <source>Reject the device {0}? It will be refused, and the punches it holds will not be received.</source>
        <translation>Відхилити пристрій {0}? Йому буде відмовлено, і відмітки, які він зберігає, не буде отримано.</translation>
    </message>
    <message>
        <source>Reject device</source>
        <translation>Відхилити пристрій</translation>
    </message>
    <message>
        <source>Device {0} rejected.</source>
        <translation>Пристрій {0} відхилено.</translation>
    </message>
</context>
<context>
    <name>PlanActualChart</name>
    <message>
        <source>Hours per day: plan and actual</source>
        <translation>Години за днями: план і факт</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>години</translation>
    </message>
    <message>
        <source>day</source>
        <translation>день</translation>
    </message>
    <message>
        <source>worked</source>
        <translation>відпрацьовано</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>за графіком</translation>
    </message>
</context>
<context>
    <name>PresenceChart</name>
    <message>
        <source>Team presence over the day</source>
        <translation>Присутність протягом дня</translation>
    </message>
    <message>
        <source>people</source>
        <translation>осіб</translation>
    </message>
    <message>
        <source>time of day</source>
        <translation>час доби</translation>
    </message>
</context>
<context>
    <name>PresenceTableModel</name>
    <message>
        <source>Employee</source>
        <translation>Працівник</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Посада</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Стан</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Графік</translation>
    </message>
    <message>
        <source>Came</source>
        <translation>Прийшов</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Пішов</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Запізн.</translation>
    </message>
    <message>
        <source>Worked</source>
        <translation>Відпрац.</translation>
    </message>
    <message>
        <source>Minutes late today</source>
        <translation>Запізнення сьогодні, хвилин</translation>
    </message>
    <message>
        <source>Time worked today so far</source>
        <translation>Відпрацьовано сьогодні на цю хвилину</translation>
    </message>
    <message>
        <source>At work</source>
        <translation>На роботі</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>Відсутній</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Очікується</translation>
    </message>
    <message>
        <source>Excused</source>
        <translation>Поважна причина</translation>
    </message>
    <message>
        <source>Day off</source>
        <translation>Вихідний</translation>
    </message>
    <message>
        <source>Not scheduled</source>
        <translation>Поза графіком</translation>
    </message>
</context>
<context>
    <name>PunchWords</name>
    <message>
        <source>In</source>
        <translation>Прихід</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>Вихід</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>Авто</translation>
    </message>
    <message>
        <source>terminal clock off</source>
        <translation>годинник термінала неточний</translation>
    </message>
    <message>
        <source>double tap</source>
        <translation>подвійне торкання</translation>
    </message>
    <message>
        <source>assigned from the queue</source>
        <translation>призначено з черги</translation>
    </message>
    <message>
        <source>legacy</source>
        <translation>зі старої системи</translation>
    </message>
    <message>
        <source>{0} (corrected)</source>
        <translation>{0} (виправлено)</translation>
    </message>
    <message>
        <source>voided</source>
        <translation>анульовано</translation>
    </message>
    <message>
        <source>Voided: {0}</source>
        <translation>Анульовано: {0}</translation>
    </message>
    <message>
        <source>Unknown badge {0}</source>
        <translation>Невідомий бейдж {0}</translation>
    </message>
    <message>
        <source>Nobody has this badge: assign the tap in Events, Unassigned.</source>
        <translation>Цей бейдж нікому не належить: призначте відмітку в «Події» → «Непризначені».</translation>
    </message>
</context>
<context>
    <name>PurgeDialog</name>
    <message>
        <source>Remove old data</source>
        <translation>Видалити старі дані</translation>
    </message>
    <message>
        <source>Choose...</source>
        <translation>Вибрати...</translation>
    </message>
    <message>
        <source>Show what will be removed</source>
        <translation>Показати, що буде видалено</translation>
    </message>
    <message>
        <source>Archive and remove</source>
        <translation>Архівувати й видалити</translation>
    </message>
    <message>
        <source>Punches, corrections, unknown-card reads and audit entries older than the date are written to an archive file first (a backup that the Backups page can restore into another database), the archive is read back and checked, and only then are they removed. The most recent years are kept by law (the retention setting).</source>
        <translation>Відмітки, виправлення, зчитування невідомих карток і записи журналу аудиту, старші за дату, спершу записуються в архівний файл (резервну копію, яку сторінка «Резервні копії» може відновити в іншу базу даних), архів перечитується й перевіряється, і лише тоді вони видаляються. Останні роки зберігаються за законом (налаштування зберігання).</translation>
    </message>
    <message>
        <source>Remove data older than</source>
        <translation>Видалити дані, старші за</translation>
    </message>
    <message>
        <source>Archive file</source>
        <translation>Архівний файл</translation>
    </message>
    <message>
        <source>Older than {0}: {1} punches, {2} corrections, {3} unknown-card reads, {4} audit entries.</source>
        <translation>Старші за {0}: відміток — {1}, виправлень — {2}, зчитувань невідомих карток — {3}, записів журналу аудиту — {4}.</translation>
    </message>
    <message>
        <source>Write {0} records to {1} and then remove them from the database?</source>
        <translation>Записати {0} записів у {1}, а тоді видалити їх із бази даних?</translation>
    </message>
    <message>
        <source>Writing the archive, checking it, removing...</source>
        <translation>Запис архіву, перевірка, видалення...</translation>
    </message>
    <message>
        <source>Removed {0} records; the archive is {1}.</source>
        <translation>Видалено записів: {0}; архів — {1}.</translation>
    </message>
</context>
<context>
    <name>ReadMessages</name>
    <message>
        <source>The badge is disabled in the phone&apos;s app. Turn it on in the app and tap again.</source>
        <translation>Бейдж вимкнено в застосунку на телефоні. Увімкніть його в застосунку й прикладіть ще раз.</translation>
    </message>
    <message>
        <source>The badge was taken away too early. Hold it still on the reader and tap again.</source>
        <translation>Бейдж забрали зарано. Притримайте його нерухомо на зчитувачі й прикладіть ще раз.</translation>
    </message>
    <message>
        <source>This is a random ID (a phone without the badge app, or with the app closed): it never identifies anyone. Open the badge app and tap again.</source>
        <translation>Це випадковий ідентифікатор (телефон без застосунку бейджа або із закритим застосунком): він нікого не ідентифікує. Відкрийте застосунок бейджа й прикладіть ще раз.</translation>
    </message>
    <message>
        <source>The phone did not prove that it holds its key (wrong signature). It cannot be enrolled; nothing was saved.</source>
        <translation>Телефон не довів, що володіє своїм ключем (хибний підпис). Зареєструвати його не можна; нічого не збережено.</translation>
    </message>
    <message>
        <source>This reader cuts the phone&apos;s long replies, so the phone cannot be checked here. Enroll this phone through an Android terminal in register mode.</source>
        <translation>Цей зчитувач обрізає довгі відповіді телефона, тож перевірити телефон тут не можна. Зареєструйте цей телефон через Android-термінал у режимі реєстрації.</translation>
    </message>
    <message>
        <source>The phone sent a key that is not valid. Reinstall the badge app and tap again.</source>
        <translation>Телефон надіслав недійсний ключ. Перевстановіть застосунок бейджа й прикладіть ще раз.</translation>
    </message>
    <message>
        <source>The card sent a UID that is not valid. Tap again or use another card.</source>
        <translation>Картка надіслала недійсний UID. Прикладіть ще раз або візьміть іншу картку.</translation>
    </message>
    <message>
        <source>The badge could not be read. Tap again; if it keeps failing, try another badge.</source>
        <translation>Не вдалося прочитати бейдж. Прикладіть ще раз; якщо помилка повторюється, спробуйте інший бейдж.</translation>
    </message>
</context>
<context>
    <name>ReaderChooser</name>
    <message>
        <source>First connected reader</source>
        <translation>Перший підключений зчитувач</translation>
    </message>
    <message>
        <source>{0} (not connected)</source>
        <translation>{0} (не підключено)</translation>
    </message>
</context>
<context>
    <name>Reapproval</name>
    <message>
        <source>Accept the device {0} at {1}? From then on only requests from that address (and with the comm key it now presents) are accepted. Do this only if you moved the device yourself.</source>
        <translation>Прийняти пристрій {0} за адресою {1}? Відтоді прийматимуться лише запити з цієї адреси (і з ключем зв’язку, який він тепер надсилає). Робіть це, лише якщо пристрій перенесли ви самі.</translation>
    </message>
    <message>
        <source>Re-approve device</source>
        <translation>Повторне підтвердження пристрою</translation>
    </message>
    <message>
        <source>Device {0} re-approved at {1}.</source>
        <translation>Пристрій {0} знову підтверджено за адресою {1}.</translation>
    </message>
</context>
<context>
    <name>ReassignBadgeDialog</name>
    <message>
        <source>Give badge {0} to another employee</source>
        <translation>Передати бейдж {0} іншому працівнику</translation>
    </message>
    <message>
        <source>New holder:</source>
        <translation>Новий власник:</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Причина:</translation>
    </message>
</context>
<context>
    <name>ReopenMonthDialog</name>
    <message>
        <source>Reopen month {0}</source>
        <translation>Відкрити місяць {0} знову</translation>
    </message>
    <message>
        <source>Why must the handed-over month change?</source>
        <translation>Чому переданий місяць треба змінити?</translation>
    </message>
    <message>
        <source>Punches, corrections and absences of {0} can be changed again until the month is closed anew. The timesheet handed over at closing is kept, so the changes can be compared with it.</source>
        <translation>Відмітки, виправлення й відсутності за {0} знову можна змінювати, доки місяць не закриють повторно. Табель, переданий під час закриття, зберігається, тож зміни можна з ним порівняти.</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Причина:</translation>
    </message>
</context>
<context>
    <name>ReportCells</name>
    <message>
        <source>Nothing to show for this period.</source>
        <translation>За цей період немає даних.</translation>
    </message>
</context>
<context>
    <name>ReportCharts</name>
    <message numerus="yes">
        <source>Presence: the average of %n day(s) with arrivals.</source>
        <translation>
            <numerusform>Присутність: середнє за %n день із приходами.</numerusform>
            <numerusform>Присутність: середнє за %n дні з приходами.</numerusform>
            <numerusform>Присутність: середнє за %n днів із приходами.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportCodes</name>
    <message>
        <source>day off</source>
        <translation>вихідний</translation>
    </message>
    <message>
        <source>sick leave</source>
        <translation>лікарняний</translation>
    </message>
    <message>
        <source>vacation</source>
        <translation>відпустка</translation>
    </message>
    <message>
        <source>office day</source>
        <translation>офісний день</translation>
    </message>
</context>
<context>
    <name>ReportDayMark</name>
    <message>
        <source>A</source>
        <translation>НЗ</translation>
    </message>
    <message>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <source>H</source>
        <translation>С</translation>
    </message>
    <message>
        <source>absent</source>
        <translation>неявка</translation>
    </message>
    <message>
        <source>missing IN or OUT</source>
        <translation>немає приходу або виходу</translation>
    </message>
    <message>
        <source>holiday</source>
        <translation>святковий день</translation>
    </message>
</context>
<context>
    <name>ReportExceptionKind</name>
    <message>
        <source>Late arrival</source>
        <translation>Запізнення</translation>
    </message>
    <message>
        <source>Early leave</source>
        <translation>Ранній вихід</translation>
    </message>
    <message>
        <source>Absence</source>
        <translation>Неявка</translation>
    </message>
    <message>
        <source>Incomplete day</source>
        <translation>Неповний день</translation>
    </message>
    <message>
        <source>Overtime</source>
        <translation>Понаднормово</translation>
    </message>
</context>
<context>
    <name>ReportFilters</name>
    <message>
        <source>All employees</source>
        <translation>Усі працівники</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Показати</translation>
    </message>
    <message>
        <source>Report:</source>
        <translation>Звіт:</translation>
    </message>
    <message>
        <source>Month:</source>
        <translation>Місяць:</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>З:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>По:</translation>
    </message>
    <message>
        <source>Employee:</source>
        <translation>Працівник:</translation>
    </message>
</context>
<context>
    <name>ReportJob</name>
    <message>
        <source>Cancel</source>
        <translation>Скасувати</translation>
    </message>
    <message>
        <source>Building the report</source>
        <translation>Формування звіту</translation>
    </message>
    <message>
        <source>Cancelling...</source>
        <translation>Скасування...</translation>
    </message>
</context>
<context>
    <name>ReportPresence</name>
    <message>
        <source>Present</source>
        <translation>Присутній</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Запізнився</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Відсутній</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Очікується</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>Неявка</translation>
    </message>
    <message>
        <source>Excused</source>
        <translation>Поважна причина</translation>
    </message>
    <message>
        <source>Day off</source>
        <translation>Вихідний</translation>
    </message>
    <message>
        <source>Not scheduled</source>
        <translation>Без графіка</translation>
    </message>
</context>
<context>
    <name>ReportPrint</name>
    <message>
        <source>Page {0} of {1}</source>
        <translation>Сторінка {0} з {1}</translation>
    </message>
</context>
<context>
    <name>ReportPrinting</name>
    <message>
        <source>No printer</source>
        <translation>Немає принтера</translation>
    </message>
    <message>
        <source>No printer is installed on this PC. Install one in Windows settings, or export the report to PDF or Excel and print it elsewhere.</source>
        <translation>На цьому комп’ютері не встановлено жодного принтера. Встановіть принтер у параметрах Windows або експортуйте звіт у PDF чи Excel і надрукуйте його деінде.</translation>
    </message>
</context>
<context>
    <name>ReportRemark</name>
    <message>
        <source>missing OUT</source>
        <translation>немає виходу</translation>
    </message>
    <message>
        <source>missing IN</source>
        <translation>немає приходу</translation>
    </message>
    <message>
        <source>duplicate IN</source>
        <translation>повторний прихід</translation>
    </message>
    <message>
        <source>double tap</source>
        <translation>подвійне торкання</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>зміна триває</translation>
    </message>
    <message>
        <source>closed at scheduled end</source>
        <translation>закрито за графіком</translation>
    </message>
    <message>
        <source>tap during an absence</source>
        <translation>відмітка під час відсутності</translation>
    </message>
    <message>
        <source>clock skew</source>
        <translation>розбіжність годинника</translation>
    </message>
    <message>
        <source>arrived after the month was closed</source>
        <translation>надійшла після закриття місяця</translation>
    </message>
    <message>
        <source>manual</source>
        <translation>внесено вручну</translation>
    </message>
    <message>
        <source>direction corrected</source>
        <translation>напрям виправлено</translation>
    </message>
    <message>
        <source>voided</source>
        <translation>анульовано</translation>
    </message>
    <message>
        <source>late</source>
        <translation>запізнення</translation>
    </message>
    <message>
        <source>early leave</source>
        <translation>ранній вихід</translation>
    </message>
    <message>
        <source>absent</source>
        <translation>неявка</translation>
    </message>
    <message>
        <source>holiday</source>
        <translation>свято</translation>
    </message>
</context>
<context>
    <name>ReportRoundingMode</name>
    <message>
        <source>none</source>
        <translation>без округлення</translation>
    </message>
    <message>
        <source>IN up, OUT down</source>
        <translation>прихід угору, вихід униз</translation>
    </message>
    <message>
        <source>to the nearest step</source>
        <translation>до найближчого кроку</translation>
    </message>
    <message>
        <source>daily total down</source>
        <translation>денна сума вниз</translation>
    </message>
    <message>
        <source>from the scheduled start</source>
        <translation>від початку зміни за графіком</translation>
    </message>
</context>
<context>
    <name>ReportWord</name>
    <message>
        <source>Total</source>
        <translation>Разом</translation>
    </message>
</context>
<context>
    <name>ReportWords</name>
    <message>
        <source>Timesheet</source>
        <translation>Табель обліку робочого часу</translation>
    </message>
    <message>
        <source>Employee time detail</source>
        <translation>Деталізація робочого часу</translation>
    </message>
    <message>
        <source>Exceptions</source>
        <translation>Відхилення від графіка</translation>
    </message>
    <message>
        <source>Daily attendance</source>
        <translation>Щоденна явка</translation>
    </message>
    <message>
        <source>Work schedule</source>
        <translation>Графік роботи</translation>
    </message>
    <message>
        <source>Employee</source>
        <translation>Працівник</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>День</translation>
    </message>
    <message>
        <source>In</source>
        <translation>Прихід</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>Вихід</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Тривалість</translation>
    </message>
    <message>
        <source>Worked</source>
        <translation>Відпрацьовано</translation>
    </message>
    <message>
        <source>Rounded</source>
        <translation>Округлено</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>За графіком</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Різниця</translation>
    </message>
    <message>
        <source>{heading}, h</source>
        <translation>{heading}, год</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Дні</translation>
    </message>
    <message>
        <source>Overtime</source>
        <translation>Понаднормово</translation>
    </message>
    <message>
        <source>Absences</source>
        <translation>Неявки</translation>
    </message>
    <message>
        <source>Anomalies</source>
        <translation>Аномалії</translation>
    </message>
    <message>
        <source>Days late</source>
        <translation>Дні із запізненням</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>За графіком</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>Фактично</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Графік</translation>
    </message>
    <message>
        <source>Remarks</source>
        <translation>Примітки</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Код</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>First in</source>
        <translation>Прихід</translation>
    </message>
    <message>
        <source>Last out</source>
        <translation>Вихід</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Запізнення</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Разом</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Період</translation>
    </message>
    <message>
        <source>Generated</source>
        <translation>Сформовано</translation>
    </message>
    <message>
        <source>Month closed on {when} by {who}</source>
        <translation>Місяць закрито {when}, закрив(ла): {who}</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>Сторінка {page} з {pages}</translation>
    </message>
    <message>
        <source>Rounding</source>
        <translation>Округлення</translation>
    </message>
    <message>
        <source>Late after {late} min, early leave after {early} min, overtime from {overtime} min</source>
        <translation>Запізнення понад {late} хв, ранній вихід понад {early} хв, понаднормові від {overtime} хв</translation>
    </message>
    <message>
        <source>step {step} min</source>
        <translation>крок {step} хв</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>Умовні позначення</translation>
    </message>
    <message>
        <source>absence (letter and digit code of form П-5)</source>
        <translation>відсутність (літерний і цифровий код форми П-5)</translation>
    </message>
    <message>
        <source>Holidays</source>
        <translation>Свята</translation>
    </message>
    <message>
        <source>all employees</source>
        <translation>усі працівники</translation>
    </message>
</context>
<context>
    <name>ReportsView</name>
    <message>
        <source>Choose a report and a period, then press Show.</source>
        <translation>Виберіть звіт і період, потім натисніть «Показати».</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Експорт</translation>
    </message>
    <message>
        <source>CSV (UTF-8)...</source>
        <translation>CSV (UTF-8)...</translation>
    </message>
    <message>
        <source>CSV for Excel (;)...</source>
        <translation>CSV для Excel (;)...</translation>
    </message>
    <message>
        <source>Excel workbook (XLSX)...</source>
        <translation>Книга Excel (XLSX)...</translation>
    </message>
    <message>
        <source>PDF...</source>
        <translation>PDF...</translation>
    </message>
    <message>
        <source>Schedule month grid (PDF)...</source>
        <translation>Графік роботи на місяць (PDF)...</translation>
    </message>
    <message>
        <source>Print preview...</source>
        <translation>Попередній перегляд...</translation>
    </message>
    <message>
        <source>Print...</source>
        <translation>Друк...</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Таблиця</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Діаграми</translation>
    </message>
    <message>
        <source>Choose an employee for the detail report.</source>
        <translation>Для деталізації виберіть працівника.</translation>
    </message>
    <message>
        <source>Building the report...</source>
        <translation>Формування звіту...</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n рядок</numerusform>
            <numerusform>%n рядки</numerusform>
            <numerusform>%n рядків</numerusform>
        </translation>
    </message>
    <message>
        <source>Preparing the charts...</source>
        <translation>Підготовка діаграм...</translation>
    </message>
    <message>
        <source>Choose a period that ends after it starts and spans at most {0} days.</source>
        <translation>Виберіть період, що закінчується не раніше за початок і триває не більше {0} днів.</translation>
    </message>
    <message>
        <source>Timesheet</source>
        <comment>default export file name</comment>
        <translation>Табель</translation>
    </message>
    <message>
        <source>Detail</source>
        <comment>default export file name</comment>
        <translation>Деталізація</translation>
    </message>
    <message>
        <source>Exceptions</source>
        <comment>default export file name</comment>
        <translation>Відхилення</translation>
    </message>
    <message>
        <source>Attendance</source>
        <comment>default export file name</comment>
        <translation>Явка</translation>
    </message>
    <message>
        <source>Schedule</source>
        <comment>default export file name</comment>
        <translation>Графік</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Файли CSV (*.csv)</translation>
    </message>
    <message>
        <source>CSV files for Excel (*.csv)</source>
        <translation>Файли CSV для Excel (*.csv)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Книги Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Документи PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Export the report</source>
        <translation>Експорт звіту</translation>
    </message>
    <message>
        <source>Exporting...</source>
        <translation>Експорт...</translation>
    </message>
    <message>
        <source>Exporting the report...</source>
        <translation>Експорт звіту...</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n row(s) to {0}.</source>
        <translation>
            <numerusform>Збережено %n рядок у {0}.</numerusform>
            <numerusform>Збережено %n рядки у {0}.</numerusform>
            <numerusform>Збережено %n рядків у {0}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RestoreConfirmDialog</name>
    <message>
        <source>Restore from a backup</source>
        <translation>Відновлення з резервної копії</translation>
    </message>
    <message>
        <source>&lt;b&gt;All data in the database {0} will be replaced&lt;/b&gt; by the backup {1} made on {2} (program {3}, {4} rows). Everything entered after that moment is lost. The current data is saved to the backup folder first (a safety backup).</source>
        <translation>&lt;b&gt;Усі дані в базі {0} буде замінено&lt;/b&gt; копією {1}, зробленою {2} (програма {3}, рядків: {4}). Усе, що внесено після цього моменту, буде втрачено. Поточні дані спершу зберігаються в папку резервних копій (страхувальна копія).</translation>
    </message>
    <message>
        <source>I understand that the current data will be replaced</source>
        <translation>Я розумію, що поточні дані буде замінено</translation>
    </message>
    <message>
        <source>Replace all data</source>
        <translation>Замінити всі дані</translation>
    </message>
    <message>
        <source>This backup is not signed (an older version made it). I trust this file and restore it.</source>
        <translation>Ця резервна копія не підписана (її зробила старіша версія). Я довіряю цьому файлу й відновлюю його.</translation>
    </message>
    <message>
        <source>This backup was made by another installation (key {0}), not by this one (key {1}). I trust this file and restore it.</source>
        <translation>Цю резервну копію зробила інша інсталяція (ключ {0}), а не ця (ключ {1}). Я довіряю цьому файлу й відновлюю його.</translation>
    </message>
</context>
<context>
    <name>RevokeBadgeDialog</name>
    <message>
        <source>Revoke badge {0}</source>
        <translation>Відкликати бейдж {0}</translation>
    </message>
    <message>
        <source>e.g. card lost</source>
        <translation>напр. картку загублено</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Причина:</translation>
    </message>
</context>
<context>
    <name>RoleDialog</name>
    <message>
        <source>Role of {0}</source>
        <translation>Роль користувача {0}</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Роль:</translation>
    </message>
</context>
<context>
    <name>ScheduleGridModel</name>
    <message>
        <source>Holiday: {0}</source>
        <translation>Свято: {0}</translation>
    </message>
    <message>
        <source>Break: {0} min</source>
        <translation>Перерва: {0} хв</translation>
    </message>
    <message>
        <source>Night shift: ends the next day</source>
        <translation>Нічна зміна: закінчується наступного дня</translation>
    </message>
    <message>
        <source>Absence: {0}</source>
        <translation>Відсутність: {0}</translation>
    </message>
    <message>
        <source>Not saved: «{0}». {1}</source>
        <translation>Не збережено: «{0}». {1}</translation>
    </message>
</context>
<context>
    <name>SchedulesView</name>
    <message>
        <source>Previous month</source>
        <translation>Попередній місяць</translation>
    </message>
    <message>
        <source>Next month</source>
        <translation>Наступний місяць</translation>
    </message>
    <message>
        <source> min</source>
        <translation> хв</translation>
    </message>
    <message>
        <source>Unpaid break saved with the shifts you type</source>
        <translation>Неоплачувана перерва, що зберігається з введеними змінами</translation>
    </message>
    <message>
        <source>Fill from template...</source>
        <translation>Заповнити з шаблону...</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Оновити</translation>
    </message>
    <message>
        <source>Mark as absence...</source>
        <translation>Позначити як відсутність...</translation>
    </message>
    <message>
        <source>Select days of one employee, then record them as an absence</source>
        <translation>Виділіть дні одного працівника, щоб записати їх як відсутність</translation>
    </message>
    <message>
        <source>Break:</source>
        <translation>Перерва:</translation>
    </message>
    <message numerus="yes">
        <source>%n employee(s)</source>
        <translation>
            <numerusform>%n працівник</numerusform>
            <numerusform>%n працівники</numerusform>
            <numerusform>%n працівників</numerusform>
        </translation>
    </message>
    <message>
        <source>day off</source>
        <translation>вихідний</translation>
    </message>
    <message>
        <source>sick leave</source>
        <translation>лікарняний</translation>
    </message>
    <message>
        <source>vacation</source>
        <translation>відпустка</translation>
    </message>
    <message>
        <source>office day (no fixed times)</source>
        <translation>офісний день (без фіксованого часу)</translation>
    </message>
    <message>
        <source>night shift, ends the next day</source>
        <translation>нічна зміна, закінчується наступного дня</translation>
    </message>
    <message>
        <source>absence: a type of the form П-5</source>
        <translation>відсутність: вид за формою П-5</translation>
    </message>
    <message>
        <source>weekend</source>
        <translation>вихідні</translation>
    </message>
    <message>
        <source>holiday</source>
        <translation>свято</translation>
    </message>
    <message>
        <source>not saved (see the cell&apos;s tooltip)</source>
        <translation>не збережено (див. підказку клітинки)</translation>
    </message>
    <message>
        <source>Type 8-17, 8:30-17 or 22:00-06:00, or a code; Enter saves, Delete clears.</source>
        <translation>Введіть 8-17, 8:30-17 або 22:00-06:00 чи код; Enter зберігає, Delete очищає.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Збережено.</translation>
    </message>
    <message>
        <source>«{0}» was not saved: {1}</source>
        <translation>«{0}» не збережено: {1}</translation>
    </message>
    <message numerus="yes">
        <source>%n cell(s) cleared</source>
        <translation>
            <numerusform>Очищено %n клітинку</numerusform>
            <numerusform>Очищено %n клітинки</numerusform>
            <numerusform>Очищено %n клітинок</numerusform>
        </translation>
    </message>
    <message>
        <source>Select one or more days of one employee first.</source>
        <translation>Спершу виділіть один чи кілька днів одного працівника.</translation>
    </message>
    <message>
        <source>The selected days belong to several employees: select days of one employee.</source>
        <translation>Виділені дні належать кільком працівникам: виділіть дні одного працівника.</translation>
    </message>
    <message>
        <source>The selected days are not consecutive: an absence covers consecutive days, so select them without gaps (record each part separately).</source>
        <translation>Виділені дні йдуть не підряд: відсутність охоплює дні поспіль, тож виділіть їх без пропусків (кожну частину записуйте окремо).</translation>
    </message>
    <message numerus="yes">
        <source>Absence {0} recorded for %n day(s).</source>
        <translation>
            <numerusform>Відсутність {0} записано на %n день.</numerusform>
            <numerusform>Відсутність {0} записано на %n дні.</numerusform>
            <numerusform>Відсутність {0} записано на %n днів.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cell(s) filled from the template</source>
        <translation>
            <numerusform>З шаблону заповнено %n клітинку</numerusform>
            <numerusform>З шаблону заповнено %n клітинки</numerusform>
            <numerusform>З шаблону заповнено %n клітинок</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SessionMenu</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>Log out / switch user ({0})...</source>
        <translation>Вийти / змінити користувача ({0})...</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Вийти з програми</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <source> s</source>
        <translation> с</translation>
    </message>
    <message>
        <source> h</source>
        <translation> год</translation>
    </message>
    <message>
        <source>Keep the PC awake while the listener runs (all listening PCs)</source>
        <translation>Не давати ПК засинати, поки працює приймач (на всіх ПК з приймачем)</translation>
    </message>
    <message>
        <source>Windows does not go to sleep while terminals can report here; the screen may still turn off.</source>
        <translation>Windows не переходить у сплячий режим, поки термінали можуть надсилати сюди відмітки; екран при цьому може вимикатися.</translation>
    </message>
    <message>
        <source>Change database...</source>
        <translation>Змінити базу даних…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Зберегти</translation>
    </message>
    <message>
        <source>Save the settings (Ctrl+S)</source>
        <translation>Зберегти налаштування (Ctrl+S)</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Цей комп’ютер</translation>
    </message>
    <message>
        <source>Language (after restart):</source>
        <translation>Мова (після перезапуску):</translation>
    </message>
    <message>
        <source>Office rules (shared by all computers)</source>
        <translation>Правила офісу (спільні для всіх комп’ютерів)</translation>
    </message>
    <message>
        <source>Time zone:</source>
        <translation>Часовий пояс:</translation>
    </message>
    <message>
        <source>Ignore repeated taps within:</source>
        <translation>Ігнорувати повторні відмітки протягом:</translation>
    </message>
    <message>
        <source>Longest shift (day boundary):</source>
        <translation>Найдовша зміна (межа доби):</translation>
    </message>
    <message>
        <source>Terminal counts as online for:</source>
        <translation>Термінал вважається онлайн протягом:</translation>
    </message>
    <message>
        <source>Terminal listener (restarts when saved)</source>
        <translation>Приймач терміналів (перезапускається під час збереження)</translation>
    </message>
    <message>
        <source>Listen on address:</source>
        <translation>Слухати на адресі:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Порт:</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>База даних</translation>
    </message>
    <message>
        <source>Not saved: correct the listener address.</source>
        <translation>Не збережено: виправте адресу приймача.</translation>
    </message>
    <message>
        <source>Saved. Restart to apply the changes.</source>
        <translation>Збережено. Перезапустіть програму, щоб застосувати зміни.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Збережено.</translation>
    </message>
    <message>
        <source>Saving...</source>
        <translation>Збереження…</translation>
    </message>
    <message>
        <source>Starting the listener on {0}:{1}...</source>
        <translation>Запуск приймача на {0}:{1}...</translation>
    </message>
    <message>
        <source>Not saved: the listener cannot serve on {0}:{1}. {2} It keeps serving on {3}:{4}.</source>
        <translation>Не збережено: приймач не може працювати на {0}:{1}. {2} Він і далі працює на {3}:{4}.</translation>
    </message>
    <message>
        <source>The listener address was not saved.</source>
        <translation>Адресу приймача не збережено.</translation>
    </message>
    <message>
        <source>{0} (from the next start)</source>
        <translation>{0} (з наступного запуску)</translation>
    </message>
    <message>
        <source>Desk reader (applies at once):</source>
        <translation>Настільний зчитувач (діє одразу):</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Database password</source>
        <translation>Пароль бази даних</translation>
    </message>
    <message>
        <source>Password of the database user for {0}:</source>
        <translation>Пароль користувача бази даних {0}:</translation>
    </message>
    <message>
        <source>Opening the database...</source>
        <translation>Відкриття бази даних…</translation>
    </message>
    <message>
        <source>TimeTracker Desktop</source>
        <translation>TimeTracker Desktop</translation>
    </message>
</context>
<context>
    <name>StartupProblem</name>
    <message>
        <source>TimeTracker Desktop cannot start: its data folder cannot be used.

{0}

Choose another folder with --data-dir on the shortcut or the TIMETRACKER_DATA_DIR variable, or ask your administrator for write access.</source>
        <translation>TimeTracker Desktop не може запуститися: його теку даних неможливо використати.

{0}

Оберіть іншу теку параметром --data-dir у ярлику або змінною TIMETRACKER_DATA_DIR чи попросіть адміністратора дати право на запис.</translation>
    </message>
    <message>
        <source>TimeTracker Desktop</source>
        <translation>TimeTracker Desktop</translation>
    </message>
</context>
<context>
    <name>TemplateDialog</name>
    <message>
        <source>New template</source>
        <translation>Новий шаблон</translation>
    </message>
    <message>
        <source>Edit template</source>
        <translation>Зміна шаблону</translation>
    </message>
    <message>
        <source>e.g. Five-day week</source>
        <translation>напр. П&apos;ятиденка</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Назва:</translation>
    </message>
    <message>
        <source>First day:</source>
        <translation>Перший день:</translation>
    </message>
    <message>
        <source>Weeks:</source>
        <translation>Тижнів:</translation>
    </message>
    <message>
        <source>Cells:</source>
        <translation>Клітинки:</translation>
    </message>
    <message>
        <source>Week {0}</source>
        <translation>Тиждень {0}</translation>
    </message>
    <message>
        <source>Enter a name.</source>
        <translation>Введіть назву.</translation>
    </message>
</context>
<context>
    <name>TerminalKeyDialog</name>
    <message>
        <source>Key of terminal {0}</source>
        <translation>Ключ термінала {0}</translation>
    </message>
    <message>
        <source>This key is shown only now. Scan the QR code with the TimeTracker terminal app, or type the key into the terminal. If it is lost, rotate the key.</source>
        <translation>Цей ключ показано лише зараз. Зіскануйте QR-код у застосунку термінала TimeTracker або введіть ключ у термінал. Якщо ключ втрачено, видайте новий.</translation>
    </message>
    <message>
        <source>Copy key</source>
        <translation>Копіювати ключ</translation>
    </message>
    <message>
        <source>port</source>
        <translation>порт</translation>
    </message>
    <message>
        <source>Key:</source>
        <translation>Ключ:</translation>
    </message>
    <message>
        <source>This PC&apos;s address:</source>
        <translation>Адреса цього ПК:</translation>
    </message>
    <message>
        <source>QR content:</source>
        <translation>Вміст QR-коду:</translation>
    </message>
</context>
<context>
    <name>TerminalTableModel</name>
    <message>
        <source>Terminal</source>
        <translation>Термінал</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Розташування</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Стан</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Остання активність</translation>
    </message>
    <message>
        <source>Android terminal</source>
        <translation>Android-термінал</translation>
    </message>
    <message>
        <source>Card reader</source>
        <translation>Зчитувач карток</translation>
    </message>
    <message>
        <source>ZKTeco (ADMS)</source>
        <translation>ZKTeco (ADMS)</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>Деактивовано</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Онлайн</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Офлайн</translation>
    </message>
    <message>
        <source>never</source>
        <translation>ніколи</translation>
    </message>
</context>
<context>
    <name>TerminalsView</name>
    <message>
        <source>Add terminal</source>
        <translation>Додати термінал</translation>
    </message>
    <message>
        <source>New key...</source>
        <translation>Новий ключ…</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>Деактивувати</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Оновити</translation>
    </message>
    <message>
        <source>Terminals connect to this PC at port {0} (listener address {1}). Change the port in Settings; the QR code of a new key carries this PC&apos;s address.</source>
        <translation>Термінали підключаються до цього ПК на порт {0} (адреса приймача {1}). Порт змінюється в Налаштуваннях; QR-код нового ключа містить адресу цього ПК.</translation>
    </message>
    <message>
        <source>Loading...</source>
        <translation>Завантаження…</translation>
    </message>
    <message>
        <source>{0} of {1} active terminal(s) online</source>
        <translation>Онлайн {0} з {1} активних терміналів</translation>
    </message>
    <message>
        <source>Activate</source>
        <translation>Активувати</translation>
    </message>
    <message>
        <source>New key</source>
        <translation>Новий ключ</translation>
    </message>
    <message>
        <source>Issue a new key for {0}? The old key stops working at once.</source>
        <translation>Видати новий ключ для {0}? Старий ключ одразу перестане діяти.</translation>
    </message>
</context>
<context>
    <name>TodayPresenceChart</name>
    <message>
        <source>People at work today</source>
        <translation>Присутні сьогодні</translation>
    </message>
</context>
<context>
    <name>TodayView</name>
    <message>
        <source>Loading...</source>
        <translation>Завантаження…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Оновити</translation>
    </message>
    <message>
        <source>Live taps</source>
        <translation>Відмітки наживо</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Потребує уваги</translation>
    </message>
    <message>
        <source>Today, {0}</source>
        <translation>Сьогодні, {0}</translation>
    </message>
    <message>
        <source>At work: {0}   Late: {1}   Absent: {2}   Expected: {3}   Left: {4}   Employees: {5}</source>
        <translation>На роботі: {0}   Запізнилися: {1}   Відсутні: {2}   Очікуються: {3}   Пішли: {4}   Працівників: {5}</translation>
    </message>
    <message>
        <source>Updated at {0}</source>
        <translation>Оновлено о {0}</translation>
    </message>
</context>
<context>
    <name>UnassignedPanel</name>
    <message>
        <source>Assign...</source>
        <translation>Призначити...</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Відхилити</translation>
    </message>
    <message numerus="yes">
        <source>%n unassigned punch(es)</source>
        <translation>
            <numerusform>%n непризначена відмітка</numerusform>
            <numerusform>%n непризначені відмітки</numerusform>
            <numerusform>%n непризначених відміток</numerusform>
        </translation>
    </message>
    <message>
        <source>Assigned; a new badge was issued.</source>
        <translation>Призначено; видано новий бейдж.</translation>
    </message>
    <message>
        <source>Assigned.</source>
        <translation>Призначено.</translation>
    </message>
    <message>
        <source>Dismiss the read {0}? It stays in the records, marked dismissed.</source>
        <translation>Відхилити зчитування {0}? Воно залишиться в записах з позначкою «відхилено».</translation>
    </message>
</context>
<context>
    <name>UnassignedTableModel</name>
    <message>
        <source>Time</source>
        <translation>Час</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>Термінал</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Value read</source>
        <translation>Зчитане значення</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Чому</translation>
    </message>
    <message>
        <source>card</source>
        <translation>картка</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>телефон</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>unknown badge</source>
        <translation>невідомий бейдж</translation>
    </message>
    <message>
        <source>revoked badge</source>
        <translation>відкликаний бейдж</translation>
    </message>
    <message>
        <source>deactivated employee</source>
        <translation>деактивований працівник</translation>
    </message>
    <message>
        <source>unverified phone (unsigned)</source>
        <translation>неперевірений телефон (без підпису)</translation>
    </message>
    <message>
        <source>enrollment request</source>
        <translation>запит на реєстрацію</translation>
    </message>
</context>
<context>
    <name>UndoDialog</name>
    <message>
        <source>Undo a correction</source>
        <translation>Скасувати виправлення</translation>
    </message>
    <message>
        <source>Punch:</source>
        <translation>Відмітка:</translation>
    </message>
    <message>
        <source>Correction:</source>
        <translation>Виправлення:</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Причина:</translation>
    </message>
    <message>
        <source>voided</source>
        <translation>анульовано</translation>
    </message>
    <message>
        <source>direction set to {0}</source>
        <translation>напрямок змінено на «{0}»</translation>
    </message>
    <message>
        <source>In</source>
        <translation>Прихід</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>Вихід</translation>
    </message>
</context>
<context>
    <name>UserTableModel</name>
    <message>
        <source>User name</source>
        <translation>Ім&apos;я користувача</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Стан</translation>
    </message>
    <message>
        <source>Last login</source>
        <translation>Останній вхід</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Адміністратор</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Менеджер</translation>
    </message>
    <message>
        <source>Viewer</source>
        <translation>Глядач</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Вимкнений</translation>
    </message>
    <message>
        <source>Locked until {0}</source>
        <translation>Заблокований до {0}</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Активний</translation>
    </message>
</context>
<context>
    <name>UsersView</name>
    <message>
        <source>Add...</source>
        <translation>Додати...</translation>
    </message>
    <message>
        <source>Role...</source>
        <translation>Роль...</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Вимкнути</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Розблокувати</translation>
    </message>
    <message>
        <source>New password...</source>
        <translation>Новий пароль...</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Оновити</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Увімкнути</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Збережено.</translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <source>The request was refused.</source>
        <translation>Запит відхилено.</translation>
    </message>
    <message>
        <source>The value is not valid.</source>
        <translation>Неприпустиме значення.</translation>
    </message>
    <message>
        <source>The change conflicts with existing data.</source>
        <translation>Зміна суперечить наявним даним.</translation>
    </message>
    <message>
        <source>Your role does not allow this action.</source>
        <translation>Ваша роль не дозволяє цю дію.</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>Неправильне ім’я користувача або пароль.</translation>
    </message>
    <message>
        <source>Too many failed attempts. This user is locked for 15 minutes.</source>
        <translation>Забагато невдалих спроб. Користувача заблоковано на 15 хвилин.</translation>
    </message>
    <message>
        <source>This user is disabled. Ask an administrator.</source>
        <translation>Цього користувача вимкнено. Зверніться до адміністратора.</translation>
    </message>
    <message>
        <source>A user name is 2 to 64 letters, digits or . _ @ -</source>
        <translation>Ім’я користувача — від 2 до 64 літер, цифр або . _ @ -</translation>
    </message>
    <message>
        <source>This user name is already taken.</source>
        <translation>Це ім’я користувача вже зайняте.</translation>
    </message>
    <message>
        <source>The first user must be an administrator.</source>
        <translation>Перший користувач має бути адміністратором.</translation>
    </message>
    <message>
        <source>The last administrator cannot be removed or disabled.</source>
        <translation>Останнього адміністратора не можна видалити чи вимкнути.</translation>
    </message>
    <message>
        <source>The password is too short (at least 8 characters).</source>
        <translation>Пароль закороткий (щонайменше 8 символів).</translation>
    </message>
    <message>
        <source>The password is too long (at most 72 bytes).</source>
        <translation>Пароль задовгий (не більше 72 байтів).</translation>
    </message>
    <message>
        <source>Enter the full name.</source>
        <translation>Введіть ПІБ.</translation>
    </message>
    <message>
        <source>The name is too long (at most 128 characters).</source>
        <translation>Ім’я задовге (не більше 128 символів).</translation>
    </message>
    <message>
        <source>The text is too long.</source>
        <translation>Текст задовгий.</translation>
    </message>
    <message>
        <source>A card UID is hexadecimal, such as 04A1B2C3.</source>
        <translation>UID картки — шістнадцяткове число, напр. 04A1B2C3.</translation>
    </message>
    <message>
        <source>A card UID has 4, 7 or 10 bytes (8, 14 or 20 hex digits).</source>
        <translation>UID картки має 4, 7 або 10 байтів (8, 14 або 20 шістнадцяткових цифр).</translation>
    </message>
    <message>
        <source>This card shows a random ID on every tap: it cannot identify anybody.</source>
        <translation>Ця картка показує випадковий ідентифікатор при кожному прикладанні: за нею не можна впізнати людину.</translation>
    </message>
    <message>
        <source>A phone badge code looks like EMP-1A2B3C4D.</source>
        <translation>Код бейджа телефону має вигляд EMP-1A2B3C4D.</translation>
    </message>
    <message>
        <source>A terminal PIN is 1 to 24 letters or digits.</source>
        <translation>PIN термінала — від 1 до 24 літер або цифр.</translation>
    </message>
    <message>
        <source>This badge already belongs to another employee.</source>
        <translation>Цей бейдж уже належить іншому працівнику.</translation>
    </message>
    <message>
        <source>This badge appears twice in the file.</source>
        <translation>Цей бейдж трапляється у файлі двічі.</translation>
    </message>
    <message>
        <source>This badge is already revoked.</source>
        <translation>Цей бейдж уже відкликано.</translation>
    </message>
    <message>
        <source>The phone&apos;s key could not be verified: tap the phone again.</source>
        <translation>Не вдалося перевірити ключ телефона: прикладіть телефон ще раз.</translation>
    </message>
    <message>
        <source>The phone sent a key that cannot be used.</source>
        <translation>Телефон надіслав ключ, який не можна використати.</translation>
    </message>
    <message>
        <source>The phone&apos;s answer does not match the question asked.</source>
        <translation>Відповідь телефона не відповідає поставленому запиту.</translation>
    </message>
    <message>
        <source>This tap&apos;s event number was already used for another card.</source>
        <translation>Номер події цієї відмітки вже використано для іншої картки.</translation>
    </message>
    <message>
        <source>Enter a reason.</source>
        <translation>Вкажіть причину.</translation>
    </message>
    <message>
        <source>The database already has employees.</source>
        <translation>У базі даних уже є працівники.</translation>
    </message>
    <message>
        <source>A terminal name is 1 to 64 characters.</source>
        <translation>Назва термінала — від 1 до 64 символів.</translation>
    </message>
    <message>
        <source>A terminal with this name already exists.</source>
        <translation>Термінал із такою назвою вже існує.</translation>
    </message>
    <message>
        <source>The server address must look like http://192.168.1.20:8000.</source>
        <translation>Адреса сервера має виглядати як http://192.168.1.20:8000.</translation>
    </message>
    <message>
        <source>Terminals cannot reach this address: choose this PC&apos;s LAN address.</source>
        <translation>Термінали не зможуть звернутися на цю адресу: оберіть адресу цього ПК у локальній мережі.</translation>
    </message>
    <message>
        <source>This device is already approved.</source>
        <translation>Цей пристрій уже схвалено.</translation>
    </message>
    <message>
        <source>This device is not approved: approve it first.</source>
        <translation>Цей пристрій не схвалено: спершу схваліть його.</translation>
    </message>
    <message>
        <source>A ZKTeco device uses its status key or lets the server decide.</source>
        <translation>Пристрій ZKTeco використовує клавішу стану або дозволяє визначати серверу.</translation>
    </message>
    <message>
        <source>This action needs an explicit confirmation.</source>
        <translation>Ця дія потребує явного підтвердження.</translation>
    </message>
    <message>
        <source>No active employee has a terminal PIN: give PINs to employees first.</source>
        <translation>Жоден активний працівник не має PIN для термінала: спершу призначте PIN працівникам.</translation>
    </message>
    <message>
        <source>A device command is one line of 1 to 1024 characters.</source>
        <translation>Команда пристрою — це один рядок від 1 до 1024 символів.</translation>
    </message>
    <message>
        <source>Choose In or Out.</source>
        <translation>Виберіть «Вхід» або «Вихід».</translation>
    </message>
    <message>
        <source>An undo cannot be undone; add a new correction instead.</source>
        <translation>Скасування не можна скасувати; додайте нове виправлення.</translation>
    </message>
    <message>
        <source>This punch was already assigned or dismissed. Reload the queue.</source>
        <translation>Цю відмітку вже призначено або відхилено. Оновіть чергу.</translation>
    </message>
    <message>
        <source>This terminal&apos;s value cannot be mapped to a card: give the employee a card first, then assign again to learn it as an alias.</source>
        <translation>Значення цього термінала не можна зіставити з карткою: спершу видайте працівникові картку, а потім призначте ще раз, щоб запам&apos;ятати його як псевдонім.</translation>
    </message>
    <message>
        <source>This time does not exist: the clocks skip it when summer time starts. Enter another time.</source>
        <translation>Такого часу не існує: під час переходу на літній час годинник його пропускає. Введіть інший час.</translation>
    </message>
    <message>
        <source>This time occurs twice when summer time ends: choose which occurrence you mean.</source>
        <translation>Цей час настає двічі під час переходу на зимовий час: виберіть, котрий саме.</translation>
    </message>
    <message>
        <source>Enter times such as 8-17 or 22:00-06:00, or a code from the legend.</source>
        <translation>Введіть час, наприклад 8-17 або 22:00-06:00, чи код із легенди.</translation>
    </message>
    <message>
        <source>A break is 0 to 240 minutes.</source>
        <translation>Перерва — від 0 до 240 хвилин.</translation>
    </message>
    <message>
        <source>Choose a month between 2000 and 2100.</source>
        <translation>Виберіть місяць між 2000 і 2100 роками.</translation>
    </message>
    <message>
        <source>A template covers 1 to 4 whole weeks.</source>
        <translation>Шаблон охоплює від 1 до 4 повних тижнів.</translation>
    </message>
    <message>
        <source>Enter a name (at most 128 characters).</source>
        <translation>Введіть назву (не більше 128 символів).</translation>
    </message>
    <message>
        <source>Unknown time zone.</source>
        <translation>Невідомий часовий пояс.</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>Період закінчується раніше, ніж починається.</translation>
    </message>
    <message>
        <source>The period is not valid.</source>
        <translation>Неправильний період.</translation>
    </message>
    <message>
        <source>Enter a whole number.</source>
        <translation>Введіть ціле число.</translation>
    </message>
    <message>
        <source>The value is outside the allowed range.</source>
        <translation>Значення поза допустимими межами.</translation>
    </message>
    <message>
        <source>Choose one of the offered values.</source>
        <translation>Оберіть одне із запропонованих значень.</translation>
    </message>
    <message>
        <source>This setting is not known to this version of the program.</source>
        <translation>Цей параметр невідомий цій версії програми.</translation>
    </message>
    <message>
        <source>Reports are written in Ukrainian or English.</source>
        <translation>Звіти формуються українською або англійською мовою.</translation>
    </message>
    <message>
        <source>Another key is already registered for this phone. Reset its key first.</source>
        <translation>Для цього телефона вже зареєстровано інший ключ. Спершу скиньте ключ.</translation>
    </message>
    <message>
        <source>Choose an absence type from the list.</source>
        <translation>Виберіть вид відсутності зі списку.</translation>
    </message>
    <message>
        <source>The absence must end on or after its first day and cover at most 400 days.</source>
        <translation>Відсутність має закінчуватися не раніше за свій перший день і тривати не більше 400 днів.</translation>
    </message>
    <message>
        <source>The employee already has an absence ({type}) from {from} to {to} on some of these days. Change or delete that one first.</source>
        <translation>Працівник уже має відсутність ({type}) з {from} по {to}, що припадає на деякі з цих днів. Спершу змініть або видаліть її.</translation>
    </message>
    <message>
        <source>Enter the month as YYYY-MM, for example 2026-03.</source>
        <translation>Введіть місяць як РРРР-ММ, наприклад 2026-03.</translation>
    </message>
    <message>
        <source>The month {month} is closed: its punches, corrections and absences cannot be changed. An administrator can reopen it, giving a reason.</source>
        <translation>Місяць {month} закрито: його відмітки, виправлення й відсутності змінювати не можна. Адміністратор може відкрити його знову, вказавши причину.</translation>
    </message>
    <message>
        <source>The month {month} is not closed.</source>
        <translation>Місяць {month} не закрито.</translation>
    </message>
    <message>
        <source>The month {month} is already closed.</source>
        <translation>Місяць {month} уже закрито.</translation>
    </message>
    <message>
        <source>Choose an employee for the detail report.</source>
        <translation>Для деталізації виберіть працівника.</translation>
    </message>
    <message>
        <source>The PDF needs the DejaVu Sans font; install it or reinstall the application.</source>
        <translation>Для PDF потрібен шрифт DejaVu Sans: установіть його або перевстановіть програму.</translation>
    </message>
    <message>
        <source>Cancelled; nothing was changed.</source>
        <translation>Скасовано; нічого не змінено.</translation>
    </message>
    <message>
        <source>This backup was made by a newer version of TimeTracker Desktop. Update the program first, then restore the backup.</source>
        <translation>Цю копію зроблено новішою версією TimeTracker Desktop. Спершу оновіть програму, потім відновіть копію.</translation>
    </message>
    <message>
        <source>This file is not a TimeTracker backup, or it is damaged.</source>
        <translation>Цей файл не є резервною копією TimeTracker або пошкоджений.</translation>
    </message>
    <message>
        <source>The restored data did not match the backup&apos;s checks; the database was left as it was.</source>
        <translation>Відновлені дані не пройшли перевірку за копією; базу даних залишено як була.</translation>
    </message>
    <message>
        <source>This device has no new address or key to approve.</source>
        <translation>Цей пристрій не має нової адреси чи ключа, які треба схвалити.</translation>
    </message>
    <message>
        <source>The device has called from yet another address since: look at it again, then re-approve.</source>
        <translation>Відтоді пристрій звертався ще з іншої адреси: перегляньте його ще раз, потім схваліть повторно.</translation>
    </message>
    <message>
        <source>Data this recent is kept by law: choose an earlier date (see the retention setting).</source>
        <translation>Такі свіжі дані зберігаються за законом: виберіть ранішу дату (див. налаштування зберігання).</translation>
    </message>
    <message>
        <source>Removing old data needs a confirmation: nothing was removed.</source>
        <translation>Видалення старих даних потребує підтвердження: нічого не видалено.</translation>
    </message>
    <message>
        <source>The archive could not be written or did not read back correctly: nothing was removed.</source>
        <translation>Не вдалося записати архів або він не перечитався правильно: нічого не видалено.</translation>
    </message>
    <message>
        <source>This backup was changed after it was made (its signature does not match): it is not restored.</source>
        <translation>Цю резервну копію змінено після створення (її підпис не збігається): її не відновлено.</translation>
    </message>
    <message>
        <source>This backup comes from another installation or an older version: confirm that you trust it.</source>
        <translation>Ця резервна копія з іншої інсталяції або старішої версії: підтвердьте, що ви їй довіряєте.</translation>
    </message>
    <message>
        <source>This file is an archive of old records removed from the database, not a backup: restoring it here would replace today&apos;s records with old ones. To read it, restore it into a separate, empty database from the command line (restore ARCHIVE --db ... --accept-archive).</source>
        <translation>Цей файл — архів старих записів, видалених із бази, а не резервна копія: відновлення тут замінило б сьогоднішні записи старими. Щоб прочитати його, відновіть його в окрему порожню базу з командного рядка (restore АРХІВ --db ... --accept-archive).</translation>
    </message>
    <message>
        <source>This PC&apos;s backup key file is damaged: restore it from a copy, or move it away to make a new one.</source>
        <translation>Файл ключа резервних копій на цьому ПК пошкоджено: відновіть його з копії або перемістіть, щоб створити новий.</translation>
    </message>
    <message>
        <source>The restore failed.</source>
        <translation>Відновлення не вдалося.</translation>
    </message>
    <message>
        <source>Choose a full folder path, starting from the drive or the root.</source>
        <translation>Вкажіть повний шлях до папки, від диска або кореня.</translation>
    </message>
    <message>
        <source>This database address cannot be read. Use sqlite:///PATH or mysql://USER@HOST/DATABASE.</source>
        <translation>Не вдається прочитати адресу бази даних. Використайте sqlite:///ШЛЯХ або mysql://КОРИСТУВАЧ@СЕРВЕР/БАЗА.</translation>
    </message>
    <message>
        <source>This kind of database is not supported: use the embedded database or MySQL/MariaDB.</source>
        <translation>Цей вид бази даних не підтримується: використайте вбудовану базу або MySQL/MariaDB.</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist. Check the path, or create the folder first.</source>
        <translation>Папки {folder} не існує. Перевірте шлях або спершу створіть папку.</translation>
    </message>
    <message>
        <source>The database file {path} is on a network drive. The embedded database must be on this computer&apos;s own disk: on a network drive it gets damaged. To share the data between several computers, use a MySQL or MariaDB server.</source>
        <translation>Файл бази даних {path} лежить на мережевому диску. Вбудована база даних має бути на власному диску цього комп’ютера: на мережевому диску вона пошкоджується. Щоб кілька комп’ютерів працювали з тими самими даними, використайте сервер MySQL або MariaDB.</translation>
    </message>
    <message>
        <source>The terminal listener cannot start: its port is used by another program.</source>
        <translation>Приймач терміналів не може запуститися: його порт зайнятий іншою програмою.</translation>
    </message>
    <message>
        <source>The terminal listener cannot start: Windows does not allow its port (it may be reserved).</source>
        <translation>Приймач терміналів не може запуститися: Windows не дозволяє його порт (його може бути зарезервовано).</translation>
    </message>
    <message>
        <source>The terminal listener cannot start: its address is not an address of this PC.</source>
        <translation>Приймач терміналів не може запуститися: його адреса не належить цьому ПК.</translation>
    </message>
    <message>
        <source>The terminal listener cannot start: this PC does not allow listening on its port.</source>
        <translation>Приймач терміналів не може запуститися: цей ПК не дозволяє слухати його порт.</translation>
    </message>
    <message>
        <source>The terminal listener could not start.</source>
        <translation>Не вдалося запустити приймач терміналів.</translation>
    </message>
    <message>
        <source>The terminal listener stopped unexpectedly.</source>
        <translation>Приймач терміналів несподівано зупинився.</translation>
    </message>
    <message>
        <source>The employee was not found; they may have been removed meanwhile. Reload and try again.</source>
        <translation>Працівника не знайдено; можливо, його тим часом вилучили. Оновіть дані й спробуйте ще раз.</translation>
    </message>
    <message>
        <source>The badge was not found; it may have been removed meanwhile. Reload and try again.</source>
        <translation>Бейдж не знайдено; можливо, його тим часом вилучили. Оновіть дані й спробуйте ще раз.</translation>
    </message>
    <message>
        <source>The user was not found. Reload and try again.</source>
        <translation>Користувача не знайдено. Оновіть дані й спробуйте ще раз.</translation>
    </message>
    <message>
        <source>The terminal was not found. Reload and try again.</source>
        <translation>Термінал не знайдено. Оновіть дані й спробуйте ще раз.</translation>
    </message>
    <message>
        <source>The ZKTeco device was not found. Reload and try again.</source>
        <translation>Пристрій ZKTeco не знайдено. Оновіть дані й спробуйте ще раз.</translation>
    </message>
    <message>
        <source>The punch was not found. Reload and try again.</source>
        <translation>Відмітку не знайдено. Оновіть дані й спробуйте ще раз.</translation>
    </message>
    <message>
        <source>The correction was not found. Reload and try again.</source>
        <translation>Виправлення не знайдено. Оновіть дані й спробуйте ще раз.</translation>
    </message>
    <message>
        <source>The unassigned punch was not found. Reload the queue.</source>
        <translation>Непризначену відмітку не знайдено. Оновіть чергу.</translation>
    </message>
    <message>
        <source>The template was not found; it may have been removed meanwhile.</source>
        <translation>Шаблон не знайдено; можливо, його тим часом видалили.</translation>
    </message>
    <message>
        <source>The absence was not found; it may have been deleted meanwhile. Reload and try again.</source>
        <translation>Відсутність не знайдено; можливо, її щойно видалили. Оновіть дані й спробуйте ще раз.</translation>
    </message>
    <message>
        <source>This terminal PIN already belongs to another employee.</source>
        <translation>Цей PIN для термінала вже належить іншому працівникові.</translation>
    </message>
    <message>
        <source>A phone sighting is unsigned: tick the confirmation to assign it.</source>
        <translation>Відмітка телефоном не підписана: поставте позначку підтвердження, щоб призначити її.</translation>
    </message>
    <message>
        <source>This badge already belongs to {holder}.</source>
        <translation>Цей бейдж уже належить працівникові {holder}.</translation>
    </message>
    <message>
        <source>This terminal PIN already belongs to {holder}.</source>
        <translation>Цей PIN для термінала вже належить працівникові {holder}.</translation>
    </message>
    <message>
        <source>The database is busy. Try again.</source>
        <translation>База даних зайнята. Спробуйте ще раз.</translation>
    </message>
    <message>
        <source>The database server cannot be reached. Check the host name, the port and the network.</source>
        <translation>Сервер бази даних недоступний. Перевірте ім’я хоста, порт і мережу.</translation>
    </message>
    <message>
        <source>The database server refused the user name or password.</source>
        <translation>Сервер бази даних відхилив ім’я користувача або пароль.</translation>
    </message>
    <message>
        <source>The database does not exist on the server. Create it first (CREATE DATABASE ... utf8mb4).</source>
        <translation>Такої бази даних на сервері немає. Спершу створіть її (CREATE DATABASE … utf8mb4).</translation>
    </message>
    <message>
        <source>This database user has no rights on this database.</source>
        <translation>Цей користувач бази даних не має прав на цю базу даних.</translation>
    </message>
    <message>
        <source>This database user lacks rights (it needs to create tables, read and write).</source>
        <translation>Цьому користувачу бази даних бракує прав (потрібно створювати таблиці, читати й записувати).</translation>
    </message>
    <message>
        <source>The connection to the database server was lost.</source>
        <translation>З’єднання із сервером бази даних втрачено.</translation>
    </message>
    <message>
        <source>The database server did not answer in time. Check that it is running, then try again.</source>
        <translation>Сервер бази даних не відповів вчасно. Перевірте, чи він працює, і спробуйте ще раз.</translation>
    </message>
    <message>
        <source>The database file is locked by another program.</source>
        <translation>Файл бази даних заблоковано іншою програмою.</translation>
    </message>
    <message>
        <source>The database file cannot be opened. Check the folder and its rights.</source>
        <translation>Не вдається відкрити файл бази даних. Перевірте папку та права доступу до неї.</translation>
    </message>
    <message>
        <source>The disk reported an error while reading the database.</source>
        <translation>Під час читання бази даних диск повідомив про помилку.</translation>
    </message>
    <message>
        <source>The database file is read-only.</source>
        <translation>Файл бази даних доступний лише для читання.</translation>
    </message>
    <message>
        <source>This file is not a TimeTracker database.</source>
        <translation>Цей файл не є базою даних TimeTracker.</translation>
    </message>
    <message>
        <source>The database has no tables yet.</source>
        <translation>У базі даних ще немає таблиць.</translation>
    </message>
    <message>
        <source>The disk is full.</source>
        <translation>Диск заповнено.</translation>
    </message>
    <message>
        <source>This is not a legacy TimeTracker server database.</source>
        <translation>Це не база даних старого сервера TimeTracker.</translation>
    </message>
    <message>
        <source>The database reported an error. The log has the details.</source>
        <translation>База даних повідомила про помилку. Подробиці — у журналі.</translation>
    </message>
    <message>
        <source>This program has no Windows Firewall rule that lets terminals in.</source>
        <translation>Для цієї програми немає правила брандмауера Windows, яке пропускає термінали.</translation>
    </message>
    <message>
        <source>This program&apos;s Windows Firewall rule does not let terminals in (it blocks, or is not for TCP).</source>
        <translation>Правило брандмауера Windows для цієї програми не пропускає термінали (воно блокує або не для TCP).</translation>
    </message>
    <message>
        <source>The Windows Firewall rule names the program in another folder (it was moved or reinstalled).</source>
        <translation>Правило брандмауера Windows вказує на програму в іншій папці (її перенесли або перевстановили).</translation>
    </message>
    <message>
        <source>This program&apos;s Windows Firewall rule is turned off.</source>
        <translation>Правило брандмауера Windows для цієї програми вимкнено.</translation>
    </message>
    <message>
        <source>This program&apos;s Windows Firewall rule allows other ports, not the listener&apos;s.</source>
        <translation>Правило брандмауера Windows для цієї програми дозволяє інші порти, а не порт приймача.</translation>
    </message>
    <message>
        <source>This program&apos;s Windows Firewall rule leaves out some networks (for example Public, the kind Windows gives a new network).</source>
        <translation>Правило брандмауера Windows для цієї програми діє не в усіх мережах (наприклад, не в загальнодоступній — такий тип Windows дає новій мережі).</translation>
    </message>
    <message>
        <source>Windows Firewall has a rule that blocks this program (added when Cancel was clicked in Windows&apos; own prompt); it wins over the rule that allows terminals.</source>
        <translation>У брандмауері Windows є правило, що блокує цю програму (додане, коли у власному запиті Windows натиснули «Скасувати»); воно переважає правило, що пропускає термінали.</translation>
    </message>
    <message>
        <source>The Windows Firewall rule could not be checked.</source>
        <translation>Не вдалося перевірити правило брандмауера Windows.</translation>
    </message>
    <message>
        <source>Windows refused the change (netsh ended with an error; details are in gui.log).</source>
        <translation>Windows відмовила у зміні (netsh завершився з помилкою; подробиці — у gui.log).</translation>
    </message>
    <message>
        <source>Windows did not finish adding it within 5 minutes.</source>
        <translation>Windows не завершила додавання за 5 хвилин.</translation>
    </message>
    <message>
        <source>Windows could not run the command as administrator (details are in gui.log).</source>
        <translation>Windows не змогла виконати команду від імені адміністратора (подробиці — у gui.log).</translation>
    </message>
    <message>
        <source>The program&apos;s folder has characters a command cannot name (&quot; or %); ask the administrator to add the rule.</source>
        <translation>Тека програми містить символи, яких не можна вказати в команді (&quot; або %); попросіть адміністратора додати правило.</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Вхід у систему</translation>
    </message>
    <message>
        <source>Failed login</source>
        <translation>Невдалий вхід</translation>
    </message>
    <message>
        <source>Logout</source>
        <translation>Вихід із системи</translation>
    </message>
    <message>
        <source>Lockout</source>
        <translation>Блокування</translation>
    </message>
    <message>
        <source>User created</source>
        <translation>Користувача створено</translation>
    </message>
    <message>
        <source>Role changed</source>
        <translation>Роль змінено</translation>
    </message>
    <message>
        <source>User enabled</source>
        <translation>Користувача ввімкнено</translation>
    </message>
    <message>
        <source>User disabled</source>
        <translation>Користувача вимкнено</translation>
    </message>
    <message>
        <source>User unlocked</source>
        <translation>Користувача розблоковано</translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation>Пароль змінено</translation>
    </message>
    <message>
        <source>Employee added</source>
        <translation>Працівника додано</translation>
    </message>
    <message>
        <source>Employee changed</source>
        <translation>Працівника змінено</translation>
    </message>
    <message>
        <source>Employee activated</source>
        <translation>Працівника активовано</translation>
    </message>
    <message>
        <source>Employee deactivated</source>
        <translation>Працівника деактивовано</translation>
    </message>
    <message>
        <source>Employees imported</source>
        <translation>Працівників імпортовано</translation>
    </message>
    <message>
        <source>Badge issued</source>
        <translation>Бейдж видано</translation>
    </message>
    <message>
        <source>Badge revoked</source>
        <translation>Бейдж відкликано</translation>
    </message>
    <message>
        <source>Badge reassigned</source>
        <translation>Бейдж передано</translation>
    </message>
    <message>
        <source>Badge alias learned</source>
        <translation>Запам&apos;ятано псевдонім бейджа</translation>
    </message>
    <message>
        <source>Phone key registered</source>
        <translation>Ключ телефона зареєстровано</translation>
    </message>
    <message>
        <source>Phone key refused</source>
        <translation>Ключ телефона відхилено</translation>
    </message>
    <message>
        <source>Phone key verified</source>
        <translation>Ключ телефона перевірено</translation>
    </message>
    <message>
        <source>Phone key reset</source>
        <translation>Ключ телефона скинуто</translation>
    </message>
    <message>
        <source>Manual punch</source>
        <translation>Ручна відмітка</translation>
    </message>
    <message>
        <source>Punch voided</source>
        <translation>Відмітку анульовано</translation>
    </message>
    <message>
        <source>Direction set</source>
        <translation>Напрямок встановлено</translation>
    </message>
    <message>
        <source>Correction undone</source>
        <translation>Виправлення скасовано</translation>
    </message>
    <message>
        <source>Unassigned punch assigned</source>
        <translation>Непризначену відмітку призначено</translation>
    </message>
    <message>
        <source>Unassigned punch dismissed</source>
        <translation>Непризначену відмітку відхилено</translation>
    </message>
    <message>
        <source>Schedule cell</source>
        <translation>Клітинка графіка</translation>
    </message>
    <message>
        <source>Template saved</source>
        <translation>Шаблон збережено</translation>
    </message>
    <message>
        <source>Template applied</source>
        <translation>Шаблон застосовано</translation>
    </message>
    <message>
        <source>Holiday set</source>
        <translation>Свято додано</translation>
    </message>
    <message>
        <source>Holiday removed</source>
        <translation>Свято видалено</translation>
    </message>
    <message>
        <source>Absence added</source>
        <translation>Відсутність додано</translation>
    </message>
    <message>
        <source>Absence deleted</source>
        <translation>Відсутність видалено</translation>
    </message>
    <message>
        <source>Month closed</source>
        <translation>Місяць закрито</translation>
    </message>
    <message>
        <source>Month reopened</source>
        <translation>Місяць відкрито знову</translation>
    </message>
    <message>
        <source>Setting changed</source>
        <translation>Налаштування змінено</translation>
    </message>
    <message>
        <source>Terminal added</source>
        <translation>Термінал додано</translation>
    </message>
    <message>
        <source>Terminal key replaced</source>
        <translation>Ключ термінала замінено</translation>
    </message>
    <message>
        <source>Terminal enabled</source>
        <translation>Термінал увімкнено</translation>
    </message>
    <message>
        <source>Terminal disabled</source>
        <translation>Термінал вимкнено</translation>
    </message>
    <message>
        <source>Phone enrollment opened</source>
        <translation>Реєстрацію телефонів відкрито</translation>
    </message>
    <message>
        <source>Phone enrollment closed</source>
        <translation>Реєстрацію телефонів закрито</translation>
    </message>
    <message>
        <source>ZKTeco settings changed</source>
        <translation>Параметри ZKTeco змінено</translation>
    </message>
    <message>
        <source>New ZKTeco device seen</source>
        <translation>Виявлено новий пристрій ZKTeco</translation>
    </message>
    <message>
        <source>ZKTeco device called from another address (refused)</source>
        <translation>Пристрій ZKTeco звернувся з іншої адреси (відмовлено)</translation>
    </message>
    <message>
        <source>ZKTeco device presented another comm key (refused)</source>
        <translation>Пристрій ZKTeco надіслав інший ключ зв&apos;язку (відмовлено)</translation>
    </message>
    <message>
        <source>ZKTeco device&apos;s comm key remembered</source>
        <translation>Ключ зв&apos;язку пристрою ZKTeco запам&apos;ятовано</translation>
    </message>
    <message>
        <source>ZKTeco device re-approved at its new address</source>
        <translation>Пристрій ZKTeco повторно схвалено за новою адресою</translation>
    </message>
    <message>
        <source>ZKTeco device approved</source>
        <translation>Пристрій ZKTeco схвалено</translation>
    </message>
    <message>
        <source>ZKTeco device rejected</source>
        <translation>Пристрій ZKTeco відхилено</translation>
    </message>
    <message>
        <source>Command sent to a ZKTeco device</source>
        <translation>Команду надіслано пристрою ZKTeco</translation>
    </message>
    <message>
        <source>ZKTeco taps reloaded</source>
        <translation>Відмітки ZKTeco завантажено повторно</translation>
    </message>
    <message>
        <source>Tap with a bad signature</source>
        <translation>Відмітка з неправильним підписом</translation>
    </message>
    <message>
        <source>Revoked badge used</source>
        <translation>Використано відкликаний бейдж</translation>
    </message>
    <message>
        <source>Terminal sent too many requests</source>
        <translation>Термінал надіслав забагато запитів</translation>
    </message>
    <message>
        <source>Terminal used another terminal&apos;s key</source>
        <translation>Термінал використав ключ іншого термінала</translation>
    </message>
    <message>
        <source>Report exported</source>
        <translation>Звіт експортовано</translation>
    </message>
    <message>
        <source>Backup made</source>
        <translation>Резервну копію створено</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>Резервну копію відновлено</translation>
    </message>
    <message>
        <source>Legacy database imported</source>
        <translation>Стару базу даних імпортовано</translation>
    </message>
    <message>
        <source>Demo data generated</source>
        <translation>Створено демонстраційні дані</translation>
    </message>
    <message>
        <source>Database checked</source>
        <translation>Базу даних перевірено</translation>
    </message>
    <message>
        <source>Database optimised</source>
        <translation>Базу даних оптимізовано</translation>
    </message>
    <message>
        <source>Old data removed (after archiving)</source>
        <translation>Старі дані видалено (після архівування)</translation>
    </message>
    <message>
        <source>Business trip</source>
        <translation>Відрядження</translation>
    </message>
    <message>
        <source>Annual leave</source>
        <translation>Основна щорічна відпустка</translation>
    </message>
    <message>
        <source>Additional annual leave</source>
        <translation>Щорічна додаткова відпустка</translation>
    </message>
    <message>
        <source>Additional leave (Chornobyl law)</source>
        <translation>Додаткова відпустка постраждалим внаслідок Чорнобильської катастрофи</translation>
    </message>
    <message>
        <source>Creative leave</source>
        <translation>Творча відпустка</translation>
    </message>
    <message>
        <source>Study leave</source>
        <translation>Додаткова відпустка у зв&apos;язку з навчанням</translation>
    </message>
    <message>
        <source>Unpaid study leave</source>
        <translation>Відпустка без збереження заробітної плати у зв&apos;язку з навчанням</translation>
    </message>
    <message>
        <source>Unpaid leave granted by law</source>
        <translation>Додаткова відпустка без збереження заробітної плати в обов&apos;язковому порядку</translation>
    </message>
    <message>
        <source>Paid leave for workers with children</source>
        <translation>Додаткова оплачувана відпустка працівникам, які мають дітей</translation>
    </message>
    <message>
        <source>Maternity leave, childcare up to 3 years</source>
        <translation>Відпустка у зв&apos;язку з вагітністю та пологами, для догляду за дитиною до 3 років</translation>
    </message>
    <message>
        <source>Childcare leave up to 6 years</source>
        <translation>Відпустка для догляду за дитиною до 6 років</translation>
    </message>
    <message>
        <source>Unpaid leave by agreement</source>
        <translation>Відпустка без збереження заробітної плати за згодою сторін</translation>
    </message>
    <message>
        <source>Other unpaid leave (work suspended)</source>
        <translation>Інші відпустки без збереження заробітної плати (припинення виконання робіт)</translation>
    </message>
    <message>
        <source>Short time ordered by the employer</source>
        <translation>Неявки через переведення роботодавцем на неповний робочий день (тиждень)</translation>
    </message>
    <message>
        <source>Temporarily transferred to another employer</source>
        <translation>Неявки через тимчасове переведення на інше підприємство</translation>
    </message>
    <message>
        <source>Other time not worked, by law</source>
        <translation>Інший невідпрацьований час, передбачений законодавством</translation>
    </message>
    <message>
        <source>Downtime</source>
        <translation>Простої</translation>
    </message>
    <message>
        <source>Truancy</source>
        <translation>Прогули</translation>
    </message>
    <message>
        <source>Strike</source>
        <translation>Масові невиходи на роботу (страйки)</translation>
    </message>
    <message>
        <source>Sick leave (paid)</source>
        <translation>Оплачувана тимчасова непрацездатність</translation>
    </message>
    <message>
        <source>Sick leave (unpaid)</source>
        <translation>Неоплачувана тимчасова непрацездатність</translation>
    </message>
    <message>
        <source>Absence, reason not known yet</source>
        <translation>Неявки з нез&apos;ясованих причин</translation>
    </message>
    <message>
        <source>Other absence under the collective agreement</source>
        <translation>Інші види неявок, передбачені колективним договором</translation>
    </message>
    <message>
        <source>Other reasons for absence</source>
        <translation>Інші причини неявок</translation>
    </message>
    <message>
        <source>user</source>
        <translation>користувач</translation>
    </message>
    <message>
        <source>employee</source>
        <translation>працівник</translation>
    </message>
    <message>
        <source>badge</source>
        <translation>бейдж</translation>
    </message>
    <message>
        <source>terminal</source>
        <translation>термінал</translation>
    </message>
    <message>
        <source>ZKTeco device</source>
        <translation>пристрій ZKTeco</translation>
    </message>
    <message>
        <source>punch</source>
        <translation>відмітка</translation>
    </message>
    <message>
        <source>correction</source>
        <translation>виправлення</translation>
    </message>
    <message>
        <source>unassigned punch</source>
        <translation>непризначена відмітка</translation>
    </message>
    <message>
        <source>template</source>
        <translation>шаблон</translation>
    </message>
    <message>
        <source>holiday</source>
        <translation>свято</translation>
    </message>
    <message>
        <source>absence</source>
        <translation>відсутність</translation>
    </message>
    <message>
        <source>month</source>
        <translation>місяць</translation>
    </message>
    <message>
        <source>setting</source>
        <translation>налаштування</translation>
    </message>
    <message>
        <source>report</source>
        <translation>звіт</translation>
    </message>
    <message>
        <source>backup</source>
        <translation>резервна копія</translation>
    </message>
    <message>
        <source>database</source>
        <translation>база даних</translation>
    </message>
    <message>
        <source>legacy database</source>
        <translation>стара база даних</translation>
    </message>
    <message>
        <source>legacy server log entry</source>
        <translation>запис журналу старого сервера</translation>
    </message>
    <message>
        <source>done</source>
        <translation>виконано</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>відмовлено</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>не вдалося</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>попередження</translation>
    </message>
    <message>
        <source>Database file and tables intact (full check)</source>
        <translation>Файл і таблиці бази даних цілі (повна перевірка)</translation>
    </message>
    <message>
        <source>Database file intact (quick check)</source>
        <translation>Файл бази даних цілий (швидка перевірка)</translation>
    </message>
    <message>
        <source>Every reference points at an existing record</source>
        <translation>Кожне посилання вказує на наявний запис</translation>
    </message>
    <message>
        <source>Every punch&apos;s employee and terminal exist</source>
        <translation>Працівник і термінал кожної відмітки існують</translation>
    </message>
    <message>
        <source>Audit log unaltered (hash chain)</source>
        <translation>Журнал аудиту не змінено (ланцюжок гешів)</translation>
    </message>
    <message>
        <source>Closed months unchanged since closing</source>
        <translation>Закриті місяці не змінені після закриття</translation>
    </message>
    <message>
        <source>Refreshing statistics</source>
        <translation>Оновлення статистики</translation>
    </message>
    <message>
        <source>Tuning the query planner</source>
        <translation>Налаштування планувальника запитів</translation>
    </message>
    <message>
        <source>Emptying the write-ahead log</source>
        <translation>Очищення журналу попереднього запису</translation>
    </message>
    <message>
        <source>Rebuilding the database file</source>
        <translation>Перебудова файлу бази даних</translation>
    </message>
    <message>
        <source>Refreshing statistics of {0}</source>
        <translation>Оновлення статистики {0}</translation>
    </message>
    <message>
        <source>Rebuilding {0}</source>
        <translation>Перебудова {0}</translation>
    </message>
    <message>
        <source>the TimeTracker program on {host}</source>
        <translation>програма TimeTracker на комп’ютері {host}</translation>
    </message>
    <message>
        <source>the TimeTracker service on {host}</source>
        <translation>служба TimeTracker на комп’ютері {host}</translation>
    </message>
    <message>
        <source>the terminal listener (serve) on {host}</source>
        <translation>приймач терміналів (serve) на комп’ютері {host}</translation>
    </message>
    <message>
        <source>another program on {host}</source>
        <translation>інша програма на комп’ютері {host}</translation>
    </message>
    <message>
        <source>{0} (user {1})</source>
        <translation>{0} (користувач {1})</translation>
    </message>
    <message>
        <source>Legacy server: {0}</source>
        <translation>Старий сервер: {0}</translation>
    </message>
    <message>
        <source>Absences</source>
        <translation>Відсутності</translation>
    </message>
    <message>
        <source>Closed months</source>
        <translation>Закриті місяці</translation>
    </message>
    <message>
        <source>Commands to ZKTeco devices</source>
        <translation>Команди пристроям ZKTeco</translation>
    </message>
    <message>
        <source>Users on ZKTeco devices</source>
        <translation>Користувачі на пристроях ZKTeco</translation>
    </message>
    <message>
        <source>ZKTeco devices</source>
        <translation>Пристрої ZKTeco</translation>
    </message>
    <message>
        <source>Refused ZKTeco taps</source>
        <translation>Відхилені відмітки ZKTeco</translation>
    </message>
    <message>
        <source>Audit log lock</source>
        <translation>Блокування журналу аудиту</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Журнал аудиту</translation>
    </message>
    <message>
        <source>Badge aliases</source>
        <translation>Псевдоніми бейджів</translation>
    </message>
    <message>
        <source>Badges</source>
        <translation>Бейджі</translation>
    </message>
    <message>
        <source>Corrections</source>
        <translation>Виправлення</translation>
    </message>
    <message>
        <source>Employees</source>
        <translation>Працівники</translation>
    </message>
    <message>
        <source>Holidays</source>
        <translation>Свята</translation>
    </message>
    <message>
        <source>Legacy database numbers</source>
        <translation>Номери зі старої бази даних</translation>
    </message>
    <message>
        <source>Positions</source>
        <translation>Посади</translation>
    </message>
    <message>
        <source>Punches</source>
        <translation>Відмітки</translation>
    </message>
    <message>
        <source>Terminal scan receipts</source>
        <translation>Квитанції відміток терміналів</translation>
    </message>
    <message>
        <source>Keys shared by every PC on this database</source>
        <translation>Ключі, спільні для всіх ПК з цією базою</translation>
    </message>
    <message>
        <source>Used terminal challenges</source>
        <translation>Використані виклики терміналів</translation>
    </message>
    <message>
        <source>Which program runs automatic backups</source>
        <translation>Яка програма робить автоматичні копії</translation>
    </message>
    <message>
        <source>Schedule cells</source>
        <translation>Клітинки графіка</translation>
    </message>
    <message>
        <source>Schedule codes</source>
        <translation>Коди графіка</translation>
    </message>
    <message>
        <source>Schedule templates</source>
        <translation>Шаблони графіка</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Налаштування</translation>
    </message>
    <message>
        <source>Terminals</source>
        <translation>Термінали</translation>
    </message>
    <message>
        <source>Unassigned punches</source>
        <translation>Непризначені відмітки</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Користувачі</translation>
    </message>
    <message>
        <source>No backup has been made for more than {limit} hours. Make one now on the Backups page and check that automatic backups are switched on.</source>
        <translation>Резервної копії не було понад {limit} год. Зробіть її зараз на сторінці «Резервні копії» і перевірте, що автоматичне резервне копіювання увімкнене.</translation>
    </message>
    <message>
        <source>The last backup ({at}) failed. Check that the backup folder exists and has free space, then make a backup again on the Backups page.</source>
        <translation>Остання резервна копія ({at}) не вдалася. Перевірте, що папка для копій існує і на диску є вільне місце, тоді зробіть копію ще раз на сторінці «Резервні копії».</translation>
    </message>
    <message>
        <source>Little free space is left on the disk of {folder} ({free_mb} MB free). Free up space on that disk, or choose a backup folder on a larger one.</source>
        <translation>На диску з {folder} залишилося мало місця (вільно {free_mb} МБ). Звільніть місце на цьому диску або виберіть папку для копій на більшому диску.</translation>
    </message>
    <message>
        <source>The database has grown to {size_mb} MB (over {limit_mb} MB). Run Optimise on the Database page; if it stays large, archive and remove the oldest years.</source>
        <translation>База даних виросла до {size_mb} МБ (понад {limit_mb} МБ). Натисніть «Оптимізувати» на сторінці «База даних»; якщо вона лишиться великою, заархівуйте і видаліть найстаріші роки.</translation>
    </message>
    <message>
        <source>The last database check ({at}) found damage. Restore the last good backup on the Backups page, then check the database again.</source>
        <translation>Остання перевірка бази даних ({at}) знайшла пошкодження. Відновіть останню справну резервну копію на сторінці «Резервні копії», тоді перевірте базу даних ще раз.</translation>
    </message>
    <message>
        <source>The database has not been checked for more than {limit} days. Run Check the database on the Database page.</source>
        <translation>Базу даних не перевіряли понад {limit} дн. Натисніть «Перевірити базу даних» на сторінці «База даних».</translation>
    </message>
    <message>
        <source>Terminal {terminal} has not reported for more than {limit} minutes of working hours. Check its power and network, and that this computer&apos;s listener is running.</source>
        <translation>Термінал {terminal} мовчить понад {limit} хв у робочий час. Перевірте його живлення й мережу, а також що приймач на цьому комп’ютері працює.</translation>
    </message>
    <message>
        <source>The listener is not running, so terminals cannot report taps. Restart the program; if it still does not start, copy the diagnostics (Help menu) for support.</source>
        <translation>Приймач не працює, тож термінали не можуть передати відмітки. Перезапустіть програму; якщо він і далі не запускається, скопіюйте діагностику (меню «Довідка») для підтримки.</translation>
    </message>
</context>
<context>
    <name>WhoIsThisDialog</name>
    <message>
        <source>Who is this?</source>
        <translation>Чий це бейдж?</translation>
    </message>
    <message>
        <source>No desk reader is connected.</source>
        <translation>Настільний зчитувач не підключено.</translation>
    </message>
    <message>
        <source>Tap any badge on the reader {0}...</source>
        <translation>Прикладіть будь-який бейдж до зчитувача {0}...</translation>
    </message>
    <message>
        <source>Looking up the holder...</source>
        <translation>Шукаємо власника...</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>нікому</translation>
    </message>
    <message>
        <source>Nobody holds this badge.</source>
        <translation>Цей бейдж нікому не належить.</translation>
    </message>
    <message>
        <source>This badge belongs to {0}.</source>
        <translation>Власник цього бейджа: {0}.</translation>
    </message>
</context>
<context>
    <name>_PasswordTwiceDialog</name>
    <message>
        <source>Password:</source>
        <translation>Пароль:</translation>
    </message>
    <message>
        <source>Repeat password:</source>
        <translation>Повторіть пароль:</translation>
    </message>
    <message>
        <source>The passwords do not match.</source>
        <translation>Паролі не збігаються.</translation>
    </message>
</context>
</TS>
